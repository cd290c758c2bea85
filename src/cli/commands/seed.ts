/** `flowledger seed --demo`: a demo org + key, a month of mail and a moving pipeline. */
import { loadConfig } from '../../config/config.js';
import { systemClock } from '../../shared/clock.js';
import { seedDemo } from '../demo/demo.seed.js';
import { UsageError, positiveInt, withDb, type CommandContext } from '../cli-kit.js';

export async function seedCommand({ values, env, out }: CommandContext): Promise<number> {
  if (!values.demo) throw new UsageError('Usage: flowledger seed --demo [--seed N]');
  const seed = values.seed === undefined ? 42 : positiveInt(values.seed, '--seed');
  const messages = values.messages === undefined ? 600 : positiveInt(values.messages, '--messages');
  const config = loadConfig(env);
  const demo = await withDb((d) => seedDemo({ database: d, clock: systemClock }, { seed, messages, log: values.json ? () => {} : out.log }), env);
  const url = `http://localhost:${config.port}`;
  if (values.json) out.log(JSON.stringify({ ...demo, url }));
  else {
    out.log('');
    out.log(`Demo organisation ${demo.org_id} "${demo.org_name}" is ready. Its admin key (shown once):`);
    out.log(`  ${demo.key}`);
    out.log(`Start the server (npm start) and open ${url}/docs, or try:`);
    out.log(`  curl -H "Authorization: Bearer ${demo.key}" ${url}/api/ingest/batches`);
  }
  return 0;
}
