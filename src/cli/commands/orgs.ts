/** `flowledger orgs create --name NAME`. */
import type { Command } from 'commander';
import { createOrg } from '../../auth/orgs.repository.js';
import { UsageError, examples, withDb, type CliContext, type JsonOption } from '../cli-kit.js';

export function orgsCommand(program: Command, ctx: CliContext): void {
  const orgs = program.command('orgs').description('Organisations: each has its own data, keys and settings.');
  orgs
    .command('create')
    .description('Create an organisation and print its id.')
    .requiredOption('--name <name>', 'its display name')
    .option('--json', 'print {"org_id", "name"}')
    .addHelpText('after', examples('flowledger orgs create --name "Initech"'))
    .action(
      ctx.run(async (opts: JsonOption & { name: string }) => {
        const name = opts.name.trim();
        if (!name) throw new UsageError('--name must not be empty');
        const org = await withDb((d) => createOrg(d.db, { name, now: new Date().toISOString() }), ctx.env);
        if (opts.json) ctx.out.log(JSON.stringify({ org_id: org.org_id, name: org.name }));
        else ctx.out.log(`Created organisation ${org.org_id} "${org.name}"`);
        return 0;
      }),
    );
}
