/**
 * The flowledger command line as a user meets it, through real processes: per-command help, the
 * version, one-line usage errors, suggestions, `ingest failed`, and ingest progress in a log.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../src/auth/orgs.repository.js';
import { generateMail, toMbox } from '../src/cli/demo/demo.mail.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from './helpers/engines.js';
import { runCliProcess } from './helpers/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'flowledger-cli-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines as a user sees them (no trailing empty line). */
const lines = (output: string) => output.trimEnd().split('\n');

describe('flowledger help, version and usage errors', () => {
  // Nothing here opens the database; the url only keeps a stray open away from the working directory.
  const env = { DATABASE_URL: `sqlite:${join(dir, 'never-opened.db')}` };

  it('--version and -V print the version in package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await runCliProcess([flag], env);
      expect(r.code, r.output).toBe(0);
      expect(r.output.trim()).toBe(version);
    }
  });

  it("<command> --help prints that command's options and examples, not the others'", async () => {
    const worker = await runCliProcess(['worker', '--help'], env);
    expect(worker.code, worker.output).toBe(0);
    expect(worker.output).toContain('Usage: flowledger worker [options]');
    expect(worker.output).toMatch(/--concurrency <n>\s+parallel claim loops, 1 to 64 \(default: 4\)/);
    expect(worker.output).toContain('--no-sla');
    expect(worker.output).toContain('$ flowledger worker --concurrency 8 --no-sla');
    expect(worker.output).not.toContain('--no-workers');
    expect(worker.output).not.toContain('--role');
    expect(worker.output).not.toContain('secrets');

    const create = await runCliProcess(['keys', 'create', '--help'], env);
    expect(create.code, create.output).toBe(0);
    expect(create.output).toContain('Usage: flowledger keys create [options]');
    expect(create.output).toContain('(choices: "admin", "member", "viewer")');
    expect(create.output).not.toContain('--concurrency');
    expect(create.output).not.toContain('revoke');

    const failed = await runCliProcess(['ingest', 'failed', '--help'], env);
    expect(failed.code, failed.output).toBe(0);
    expect(failed.output).toContain('Usage: flowledger ingest failed [options] <batch-id>');
    expect(failed.output).not.toContain('--no-progress');
  });

  it('a usage error is one line naming the problem and the help to read, exit code 2', async () => {
    const role = await runCliProcess(['keys', 'create', '--org', '1', '--role', 'owner'], env);
    expect(role.code, role.output).toBe(2);
    expect(lines(role.output)).toEqual([
      "flowledger keys create: Option '--role <role>' argument 'owner' is invalid. Allowed choices are admin, member, viewer. See flowledger keys create --help.",
    ]);

    const missing = await runCliProcess(['ingest', 'failed', '12'], env);
    expect(missing.code, missing.output).toBe(2);
    expect(lines(missing.output)).toEqual(["flowledger ingest failed: Required option '--org <id>' not specified. See flowledger ingest failed --help."]);

    const group = await runCliProcess(['sla'], env);
    expect(group.code, group.output).toBe(2);
    expect(lines(group.output)).toHaveLength(1);
    expect(group.output).toMatch(/^flowledger sla: Missing command: flowledger sla run .*\| flowledger sla monitor.* See flowledger sla --help\.$/m);
  });

  it('an unknown command or option suggests the closest one', async () => {
    const cmd = await runCliProcess(['migarte'], env);
    expect(cmd.code, cmd.output).toBe(2);
    expect(lines(cmd.output)).toEqual(["flowledger: Unknown command 'migarte'. Did you mean migrate? See flowledger --help."]);

    const sub = await runCliProcess(['keys', 'revok', '3'], env);
    expect(sub.code, sub.output).toBe(2);
    expect(lines(sub.output)).toEqual(["flowledger keys: Unknown command 'revok'. Did you mean revoke? See flowledger keys --help."]);

    const opt = await runCliProcess(['migrate', '--stauts'], env);
    expect(opt.code, opt.output).toBe(2);
    expect(lines(opt.output)).toEqual(["flowledger migrate: Unknown option '--stauts'. Did you mean --status? See flowledger migrate --help."]);
  });
});

/** `ingest 40% | ETA 3s | 1.2/3.4 MB, 0.8 MB/s | 500 msg, 240/s` → 40, 3s. */
const PROGRESS = /^ingest (\d+)% \| ETA (\d+[hms]|\?) \| [\d.]+\/[\d.]+ MB, [\d.]+ MB\/s \| \d+ msg, \d+\/s$/;

describeEachEngine('flowledger ingest from the command line', (engine) => {
  let tdb: TestDatabase;
  let env: Record<string, string>;
  let orgId: number;
  let otherOrgId: number;
  const mbox = join(dir, `${engine.name}-mail.mbox`);
  const COUNT = 1200;

  beforeAll(async () => {
    tdb = await openTestDatabase(engine);
    env = { DATABASE_URL: tdb.processUrl };
    const now = new Date().toISOString();
    orgId = (await createOrg(tdb.database.db, { name: 'CLI ingest', now })).org_id;
    otherOrgId = (await createOrg(tdb.database.db, { name: 'Someone else', now })).org_id;
    // A few MB of mail, so that progress has steps to report; the last message is not mail at all.
    const mail = generateMail(11, COUNT, Date.UTC(2026, 0, 5), Date.UTC(2026, 1, 5)).map((m) => m.raw);
    writeFileSync(mbox, toMbox([...mail, 'this line is not an email message']));
  });
  afterAll(() => tdb.drop());

  it('prints progress lines by bytes when not on a terminal, then the batch and the command that lists its failures', async () => {
    const r = await runCliProcess(['ingest', mbox, '--org', String(orgId)], env);
    expect(r.code, r.output).toBe(0);
    const progress = lines(r.output)
      .map((l) => PROGRESS.exec(l))
      .filter((m) => m !== null);
    expect(progress.length, r.output).toBeGreaterThanOrEqual(3);
    const percents = progress.map((m) => Number(m[1]));
    expect(percents, r.output).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(progress.at(-1)![2]).toBe('0s');

    const batchId = Number(/^Batch (\d+): (\d+) messages from 1 file\(s\)/m.exec(r.output)?.[1]);
    expect(batchId, r.output).toBeGreaterThan(0);
    expect(r.output).toMatch(new RegExp(`^Batch ${batchId}: ${COUNT + 1} messages`, 'm'));
    const hint = new RegExp(`the failed messages and why: (flowledger ingest failed ${batchId} --org ${orgId})$`, 'm').exec(r.output);
    expect(hint, r.output).not.toBeNull();

    // The printed command, run as printed.
    const listed = await runCliProcess(hint![1]!.split(' ').slice(1), env);
    expect(listed.code, listed.output).toBe(0);
    const out = lines(listed.output);
    expect(out[0]).toMatch(new RegExp(`^Batch ${batchId}: \\d+ of ${COUNT + 1} messages failed\\.$`));
    expect(out).toContain(`#${COUNT + 1}\t(no subject)\t(no sender)\tNot an email message: no From, To, Subject, Date or Message-ID header`);

    const json = await runCliProcess(['ingest', 'failed', String(batchId), '--org', String(orgId), '--json'], env);
    expect(json.code, json.output).toBe(0);
    const body = JSON.parse(lines(json.output).at(-1)!) as { batch_id: number; failed: number; items: Array<{ seq: number; reason: string }> };
    expect(body).toMatchObject({ batch_id: batchId, org_id: orgId, read: COUNT + 1 });
    expect(body.items).toHaveLength(body.failed);
    expect(body.items.at(-1)).toMatchObject({ seq: COUNT + 1, reason: expect.stringMatching(/^Not an email message/) });
    expect(body.items.map((i) => i.seq)).toEqual([...body.items.map((i) => i.seq)].sort((a, b) => a - b));
  });

  it("never lists another organisation's batch, and says so for one that does not exist", async () => {
    const eml = join(dir, `${engine.name}-broken.eml`);
    writeFileSync(eml, 'no headers here, only a line of text\n');
    const ingested = await runCliProcess(['ingest', eml, '--org', String(orgId), '--json'], env);
    expect(ingested.code, ingested.output).toBe(0);
    const { batch_id: batchId, failed } = JSON.parse(lines(ingested.output).at(-1)!) as { batch_id: number; failed: number };
    expect(failed).toBe(1);

    const own = await runCliProcess(['ingest', 'failed', String(batchId), '--org', String(orgId)], env);
    expect(own.code, own.output).toBe(0);
    expect(own.output).toContain('Not an email message');
    const other = await runCliProcess(['ingest', 'failed', String(batchId), '--org', String(otherOrgId)], env);
    expect(other.code, other.output).toBe(1);
    expect(lines(other.output)).toEqual([`No ingest batch ${batchId} in organisation ${otherOrgId} (flowledger ingest prints the batch id at the end of a run).`]);
  });
});
