/** `flowledger seed --demo [--org ID]`: a month of mail, a moving pipeline and a worked task queue in the user's organisation. */
import { loadConfig } from '../../config/config.js';
import { systemClock } from '../../shared/clock.js';
import { seedDemo } from '../demo/demo.seed.js';
import { UsageError, positiveInt, withDb, type CommandContext } from '../cli-kit.js';

export async function seedCommand({ values, env, out }: CommandContext): Promise<number> {
  if (!values.demo) throw new UsageError('Usage: flowledger seed --demo [--org ID] [--seed N] [--messages N]');
  const seed = values.seed === undefined ? 42 : positiveInt(values.seed, '--seed');
  const messages = values.messages === undefined ? 600 : positiveInt(values.messages, '--messages');
  const orgId = values.org === undefined ? undefined : positiveInt(values.org, '--org');
  const config = loadConfig(env);
  const demo = await withDb((d) => seedDemo({ database: d, clock: systemClock }, { seed, messages, orgId, log: values.json ? () => {} : out.log }), env);
  const url = `http://localhost:${config.port}`;
  if (values.json) out.log(JSON.stringify({ ...demo, url }));
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
