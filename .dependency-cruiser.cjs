/**
 * The layers of src/ (docs/architecture.md), checked on every `npm test`:
 *   app → domains → kit (http kit, outbox, answer-cache, db, config, shared).
 * Arrows point down only; a domain may use another domain's services and repositories.
 */
const DOMAINS = 'auth|users|workflow|workstream|sla|ingest|realtime|mail|mailboxes|system|comments';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other in a circle cannot be understood (or changed) one at a time.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'only-the-root-knows-the-app',
      severity: 'error',
      comment: 'src/app is the composition root: only the process entry and the CLI call into it.',
      from: { path: '^src/', pathNot: '^src/(app/|cli/|main\\.ts$)' },
      to: { path: '^src/app/' },
    },
    {
      name: 'db-knows-no-domain',
      severity: 'error',
      comment: 'src/db (migrations included) is below every domain: a landed migration must not change meaning when app code changes.',
      from: { path: '^src/db/' },
      to: { path: `^src/(app|cli|http|outbox|answer-cache|${DOMAINS})/` },
    },
    {
      name: 'migrations-are-frozen',
      severity: 'error',
      comment: 'A migration imports nothing but kysely and ./helpers: its SQL is frozen in the file.',
      from: { path: '^src/db/migrations/' },
      to: { pathNot: '^(src/db/migrations/|node_modules/kysely/)' },
    },
    {
      name: 'outbox-is-queue-mechanics',
      severity: 'error',
      comment: 'The outbox (append, claim, complete, fail, sweep, worker, webhook delivery) imports no domain.',
      from: { path: '^src/outbox/' },
      to: { path: `^src/(app|cli|${DOMAINS})/` },
    },
    {
      name: 'http-kit-knows-no-domain',
      severity: 'error',
      comment: 'The HTTP kit (server, errors, tRPC, paging) is used by route files and imports no domain.',
      from: { path: '^src/http/' },
      to: { path: `^src/(app|cli|outbox|${DOMAINS})/` },
    },
    {
      name: 'services-know-no-http',
      severity: 'error',
      comment: 'Services, repositories, queries and jobs know no HTTP: only route, router, plugin and schema files use the kit.',
      from: { path: `^src/(${DOMAINS}|outbox)/`, pathNot: '(\\.routes|\\.router|\\.plugin|\\.schemas|/route-kit)\\.ts$' },
      to: { path: '^src/http/' },
    },
    {
      name: 'ground-floor-stays-down',
      severity: 'error',
      comment: 'src/shared, src/config and the answer cache sit on the ground floor: they import nothing above it.',
      from: { path: '^src/(shared|config|answer-cache)/' },
      to: { path: `^src/(app|cli|http|outbox|${DOMAINS})/` },
    },
    {
      name: 'answer-cache-at-the-route-layer',
      severity: 'error',
      comment: 'Which answers are reused is decided where they are served: routes, routers and *.answers.ts; services only compute.',
      from: { path: `^src/(${DOMAINS})/`, pathNot: '(\\.routes|\\.router|\\.answers|\\.deps|/routes/[^/]+)\\.ts$' },
      to: { path: '^src/answer-cache/' },
    },
    {
      name: 'shared-is-the-floor',
      severity: 'error',
      comment: 'src/shared (errors, clock, ids, logger, the caller) imports nothing else of src/.',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    // Worktrees share one node_modules through a symlink: resolve packages where they are linked, not
    // where the link points, so rules that allow `node_modules` hold there too.
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
