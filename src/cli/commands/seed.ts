/** `flowledger seed --demo [--org ID]`: a month of mail, a moving pipeline and a worked task queue in the user's organisation. */
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { systemClock } from '../../shared/clock.js';
import { seedDemo } from '../demo/demo.seed.js';
import { UsageError, examples, positiveInt, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

interface SeedOptions extends JsonOption {
  demo: true;
  seed: number;
  messages: number;
  org?: number;
}

export function seedCommand(program: Command, ctx: CliContext): void {
  program
    .command('seed')
    .summary('a month of demo business in your (empty) organisation')
    .description(
      'Fill an empty organisation (default: the first, "Default", created at first start) with a month of generated ' +
        'mail ingested hour by hour, a moving pipeline and a worked task queue, then run one SLA pass so the board is ' +
        'current. On an empty database it creates "Default" and its admin key (printed once).',
    )
    // --demo is required so that a bare `flowledger seed` never writes demo data by accident.
    .requiredOption('--demo', 'seed the demo')
    .option('--org <id>', 'the organisation to fill (it must hold no tasks or signals)', positiveInt())
    .option('--seed <n>', 'random seed: the same seed gives the same mail', positiveInt(), 42)
    .option('--messages <n>', 'messages to generate over the month', positiveInt(), 600)
    .option('--json', 'print the organisation, the key (when one was created) and counts as JSON')
    .addHelpText('after', examples('flowledger seed --demo', 'flowledger seed --demo --org 2 --seed 7 --messages 150 --json'))
    .action(ctx.run((opts: SeedOptions) => seed(ctx, opts)));
}

async function seed({ env, out }: CliContext, opts: SeedOptions): Promise<number> {
  const config = loadConfig(env);
  let demo;
  try {
    demo = await withDb(
      (d) => seedDemo({ database: d, clock: systemClock }, { seed: opts.seed, messages: opts.messages, orgId: opts.org, log: opts.json ? () => {} : out.log }),
      env,
    );
  } catch (err) {
    // The demo's refusals (unknown or non-empty org) are the caller's to fix: name the command.
    if (err instanceof UsageError) err.command ??= 'seed';
    throw err;
  }
  const url = `http://localhost:${config.port}`;
  if (opts.json) out.log(JSON.stringify({ ...demo, url }));
  else {
    out.log('');
    out.log(`Organisation ${demo.org_id} "${demo.org_name}" now holds the demo.`);
    if (demo.key) {
      out.log('Its admin key (shown once; store it now):');
      out.log(`  ${demo.key}`);
    } else {
      out.log(`Sign in with organisation ${demo.org_id}'s admin key: the one \`flowledger serve\` (npm start) printed at its first start.`);
      out.log(`Lost it? \`npx flowledger keys create --org ${demo.org_id} --role admin\` makes another.`);
    }
    out.log(`Start the server (npm start) and open ${url} to see the dashboard.`);
  }
  return 0;
}
