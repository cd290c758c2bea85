/** `flowledger seed --demo`: a demo org + key, a month of mail and a moving pipeline. */
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { systemClock } from '../../shared/clock.js';
import { seedDemo } from '../demo/demo.seed.js';
import { examples, positiveInt, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

interface SeedOptions extends JsonOption {
  demo: true;
  seed: number;
  messages: number;
}

export function seedCommand(program: Command, ctx: CliContext): void {
  program
    .command('seed')
    .summary('a demo organisation with a month of mail and a moving pipeline')
    .description(
      'Create a demo organisation with an admin key (printed once) and routing rules, ingest a month of generated ' +
        'mail as daily batches, and move its pipeline. Running it again creates another demo organisation.',
    )
    // --demo is required so that a bare `flowledger seed` never writes demo data by accident.
    .requiredOption('--demo', 'seed the demo organisation')
    .option('--seed <n>', 'random seed: the same seed gives the same mail', positiveInt(), 42)
    .option('--messages <n>', 'messages to generate over the month', positiveInt(), 600)
    .option('--json', 'print the demo organisation, its key and counts as JSON')
    .addHelpText('after', examples('flowledger seed --demo', 'flowledger seed --demo --seed 7 --messages 150 --json'))
    .action(ctx.run((opts: SeedOptions) => seed(ctx, opts)));
}

async function seed({ env, out }: CliContext, opts: SeedOptions): Promise<number> {
  const config = loadConfig(env);
  const demo = await withDb(
    (d) => seedDemo({ database: d, clock: systemClock }, { seed: opts.seed, messages: opts.messages, log: opts.json ? () => {} : out.log }),
    env,
  );
  const url = `http://localhost:${config.port}`;
  if (opts.json) out.log(JSON.stringify({ ...demo, url }));
  else {
    out.log('');
    out.log(`Demo organisation ${demo.org_id} "${demo.org_name}" is ready. Its admin key (shown once):`);
    out.log(`  ${demo.key}`);
    out.log(`Start the server (npm start) and open ${url}/docs, or try:`);
    out.log(`  curl -H "Authorization: Bearer ${demo.key}" ${url}/api/ingest/batches`);
  }
  return 0;
}
