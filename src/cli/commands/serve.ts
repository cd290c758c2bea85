/** `flowledger serve [--no-workers]`: API + WebSocket (+ outbox worker and SLA monitor); runs until signalled. */
import { loadConfig } from '../../config/config.js';
import { handleSignals, serve } from '../../app/serve-role.js';
import { createLogger } from '../../shared/logger.js';
import { type CommandContext } from '../cli-kit.js';

export async function serveCommand({ values, env }: CommandContext): Promise<number> {
  const server = await serve({ workers: !values['no-workers'], env });
  handleSignals(server, loadConfig(env).shutdownTimeoutMs, createLogger('error'));
  return -1; // keep running
}
