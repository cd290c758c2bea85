/** `flowledger serve [--no-workers]`: API + WebSocket (+ outbox worker and SLA monitor); runs until signalled. */
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { handleSignals, serve } from '../../app/serve-role.js';
import { createLogger } from '../../shared/logger.js';
import { examples, type CliContext } from '../cli-kit.js';

export function serveCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .summary('the API, dashboard and WebSocket (+ outbox worker and SLA monitor)')
    .description(
      'Serve the HTTP API, the dashboard and the WebSocket, and run the outbox worker, the SLA monitor and the ' +
        'retention pruner in the same process. Applies pending migrations first; runs until SIGTERM or SIGINT, ' +
        'then drains. Configuration comes from the environment (PORT, DATABASE_URL, …: docs/operations.md).',
    )
    .option('--no-workers', 'HTTP only: leave the outbox and the SLA monitor to `flowledger worker` processes')
    .addHelpText('after', examples('flowledger serve', 'PORT=8080 DATABASE_URL=postgres://app@db/flowledger flowledger serve --no-workers'))
    .action(
      ctx.run(async (opts: { workers: boolean }) => {
        const server = await serve({ workers: opts.workers, env: ctx.env });
        handleSignals(server, loadConfig(ctx.env).shutdownTimeoutMs, createLogger('error'));
        return -1; // keep running
      }),
    );
}
