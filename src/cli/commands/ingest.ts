/**
 * `flowledger ingest PATH --org ID`: an .eml file, an mbox, or a folder of them.
 * `flowledger ingest failed BATCH_ID --org ID`: the messages of a batch that failed, and why.
 */
import type { Command } from 'commander';
import { getOrg } from '../../auth/orgs.repository.js';
import { getBatch, listItems, type BatchItem } from '../../ingest/batch.repository.js';
import { ingestPath, summaryLines, type IngestProgress } from '../../ingest/ingest.cli.js';
import { systemClock } from '../../shared/clock.js';
import { ingestProgress } from '../ingest-progress.js';
import { UsageError, examples, positiveInt, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

interface IngestOptions extends JsonOption {
  org?: number;
  progress: boolean;
}

export function ingestCommand(program: Command, ctx: CliContext): void {
  const ingest = program
    .command('ingest')
    .summary('ingest .eml files and mailboxes; `ingest failed` lists what failed')
    .description(
      'Ingest an .eml file, an mbox (mboxo or mboxrd), or a folder of them (Maildir cur/ and new/ too) as one batch, ' +
        'showing progress by bytes on stderr, then a summary. Messages that cannot be read are recorded as failed ' +
        'items; `flowledger ingest failed BATCH_ID --org ID` lists them. (A path named "failed": write ./failed.)',
    )
    .argument('<path>', 'a file or a folder')
    // Required, but checked in the handler: commander checks a command's mandatory options in its
    // subcommands too, and `ingest failed` takes its own --org.
    .option('--org <id>', 'the organisation the mail belongs to (required)', positiveInt())
    .option('--json', 'print the batch summary as JSON (and no progress)')
    .option('--no-progress', 'no progress bar or lines')
    .addHelpText('after', examples('flowledger ingest ~/mail/inbox.mbox --org 1', 'flowledger ingest ./exported-eml/ --org 1 --json'))
    .action(ctx.run((path: string, opts: IngestOptions) => run(ctx, path, opts)));
  ingest
    .command('failed')
    .description('List the messages of an ingest batch that failed: their position in the batch, subject, sender and reason.')
    .argument('<batch-id>', 'the batch id (printed at the end of an ingest run)', positiveInt())
    .requiredOption('--org <id>', 'the organisation of the batch', positiveInt())
    .option('--json', 'print {"batch_id", "org_id", "read", "failed", "items"}')
    .addHelpText('after', examples('flowledger ingest failed 12 --org 1'))
    .action(ctx.run((batchId: number, opts: JsonOption & { org: number }) => listFailed(ctx, batchId, opts)));
}

async function run({ env, out }: CliContext, path: string, opts: IngestOptions): Promise<number> {
  const orgId = opts.org;
  if (orgId === undefined) throw new UsageError("Required option '--org <id>' not specified");
  // Progress goes to stderr: stdout carries the summary (or the JSON) a script reads.
  const view = opts.progress && !opts.json ? ingestProgress(process.stderr) : undefined;
  let last: IngestProgress | undefined;
  const result = await withDb(async (d) => {
    if (!(await getOrg(d.db, orgId))) throw new UsageError(`Organisation ${orgId} does not exist`);
    try {
      const r = await ingestPath(
        { database: d, clock: systemClock },
        {
          path,
          orgId,
          actor: 'cli',
          onProgress: (p) => {
            last = p;
            view?.update(p);
          },
        },
      );
      if (last) view?.stop(last, true);
      return r;
    } catch (e) {
      if (last) view?.stop(last, false);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`No such file or folder: ${path}`);
      throw e;
    }
    // SQLite: an mbox writes one WAL-full after another; their checkpoints (each with an fsync) ran
    // inside the commits, on the thread that writes — 34 of them, 0.77 s of fsync, in a 10,000-message
    // import (strace). On a worker thread the writer goes on meanwhile, as in serve.
  }, env, { backgroundCheckpoint: true });
  if (opts.json) out.log(JSON.stringify({ ...result.batch, files: result.files }));
  else for (const l of summaryLines(result)) out.log(l);
  return 0;
}

/** Failed items a page at a time, so a batch with many failures is never held in memory at once. */
const PAGE = 500;

async function listFailed({ env, out }: CliContext, batchId: number, opts: JsonOption & { org: number }): Promise<number> {
  return withDb(async (d) => {
    const batch = await getBatch(d.db, opts.org, batchId);
    if (!batch) {
      out.err(`No ingest batch ${batchId} in organisation ${opts.org} (flowledger ingest prints the batch id at the end of a run).`);
      return 1;
    }
    const all: BatchItem[] = [];
    if (!opts.json) out.log(`Batch ${batchId}: ${batch.failed} of ${batch.read} messages failed.`);
    for (let offset = 0; ; offset += PAGE) {
      const page = await listItems(d.db, opts.org, batchId, { outcome: 'failed', limit: PAGE, offset });
      if (opts.json) all.push(...page.data);
      else for (const i of page.data) out.log(`#${i.seq}\t${i.subject ?? '(no subject)'}\t${i.sender ?? '(no sender)'}\t${i.reason ?? '-'}`);
      if (page.data.length < PAGE) break;
    }
    if (opts.json)
      out.log(
        JSON.stringify({
          batch_id: batchId,
          org_id: opts.org,
          read: batch.read,
          failed: batch.failed,
          items: all.map((i) => ({ seq: i.seq, message_id: i.message_id, subject: i.subject, sender: i.sender, reason: i.reason })),
        }),
      );
    return 0;
  }, env);
}
