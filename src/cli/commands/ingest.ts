/** `flowledger ingest PATH --org ID`: an .eml file, an mbox, or a folder of them. */
import { getOrg } from '../../auth/orgs.repository.js';
import { systemClock } from '../../shared/clock.js';
import { ingestPath, summaryLines } from '../../ingest/ingest.cli.js';
import { UsageError, positiveInt, withDb, type CommandContext } from '../cli-kit.js';

export async function ingestCommand({ values, sub, env, out }: CommandContext): Promise<number> {
  if (!sub) throw new UsageError('Usage: flowledger ingest PATH --org ID [--json]');
  const orgId = positiveInt(values.org, '--org');
  const result = await withDb(async (d) => {
    if (!(await getOrg(d.db, orgId))) throw new UsageError(`Organisation ${orgId} does not exist`);
    return ingestPath(
      { database: d, clock: systemClock },
      { path: sub, orgId, actor: 'cli', progress: { isTTY: !values.json && process.stderr.isTTY === true, write: (s) => process.stderr.write(s) } },
    ).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') throw new UsageError(`No such file or folder: ${sub}`);
      throw e;
    });
  }, env);
  if (values.json) out.log(JSON.stringify({ ...result.batch, files: result.files }));
  else for (const l of summaryLines(result)) out.log(l);
  return 0;
}
