/**
 * Admin → Audit log: every admin change of the org (who, what, when, the fields before and after),
 * newest first, paged, narrowed to one kind of change. New entries arrive live (`audit.*` events).
 * People are named from the members list; keys by their name and id.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { admin, ADMIN_PAGE, adminKeys, type AuditEvent, type Member } from '../../api/admin.js';
import { useInvalidateOn } from '../../api/query.js';
import { useSession } from '../../api/session-context.js';
import { dateTime } from '../../lib/format.js';
import { AdminTable, LoadState, Pager } from './admin-kit.js';

/** The kinds of audit events (docs/contract.md, "Audit events"); another kind still shows under All. */
const KINDS: Array<[entity: string, label: string]> = [
  ['user', 'Users'],
  ['invitation', 'Invitations'],
  ['api_key', 'API keys'],
  ['webhook', 'Webhooks'],
  ['sla_rule', 'SLA rules'],
  ['org', 'Organisation settings'],
  ['routing_rule', 'Routing rules'],
  ['ingest_config', 'Ingestion settings'],
  ['mailbox', 'Mailboxes'],
  ['dead_letter', 'Dead letters'],
];
const KIND_LABEL = new Map(KINDS);

export function AuditScreen() {
  const { api } = useSession();
  const [kind, setKind] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...adminKeys.audit, kind, page],
    queryFn: () => admin.audit(api, { page, ...(kind ? { eventName: `audit.${kind}.` } : {}) }),
    placeholderData: keepPreviousData,
  });
  // Names for user:<id> actors: the members list (cached, shared with the Users screen).
  const members = useQuery({ queryKey: adminKeys.users, queryFn: () => admin.members(api) });
  useInvalidateOn('workstream:audit.', adminKeys.audit);
  const names = new Map((members.data?.data ?? []).map((m) => [m.user_id, m]));

  const p = list.data;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Audit log</h1>
        <p className="muted">Every change to the organisation’s settings, people and keys: who made it, when, and what it changed.</p>
      </div>
      <section className="panel" aria-labelledby="audit-title">
        <div className="panel-head">
          <h2 id="audit-title">Changes</h2>
          <div>
            <label htmlFor="audit-kind">Kind</label>{' '}
            <select
              id="audit-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value);
                setPage(1);
              }}
            >
              <option value="">All</option>
              {KINDS.map(([entity, label]) => (
                <option key={entity} value={entity}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <LoadState error={list.error} loading={list.isPending} what="the audit log" />
        {p?.data.length === 0 && <p className="muted">No changes {kind ? 'of this kind ' : ''}recorded yet.</p>}
        {p && p.data.length > 0 && (
          <AdminTable labelledBy="audit-title" columns={['When', 'Who', 'What', 'Changes']}>
            <tbody>
              {p.data.map((e) => (
                <tr key={e.work_event_id} data-event={e.event_name}>
                  <td>
                    <time dateTime={e.happened_at}>{dateTime(e.happened_at)}</time>
                  </td>
                  <td data-field="who">{who(e, names)}</td>
                  <th scope="row" data-field="what">
                    {what(e)}
                  </th>
                  <td>
                    <Changes e={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </AdminTable>
        )}
        {p && <Pager page={p.pagination.page} limit={ADMIN_PAGE} total={p.pagination.total} noun="changes" onPage={setPage} />}
      </section>
    </div>
  );
}

function who(e: AuditEvent, names: Map<number, Member>): string {
  const actor = e.actor ?? 'unknown';
  const user = /^user:(\d+)$/.exec(actor);
  if (user) {
    const m = names.get(Number(user[1]));
    return m ? `${m.name} (${m.email})` : `person #${user[1]}`;
  }
  if (actor === 'cli') return 'the command line';
  const keyId = e.payload.actor_key_id;
  return typeof keyId === 'number' ? `API key ${actor} (#${keyId})` : actor;
}

/** "API keys: revoked · reports" — the kind, the action and what it was about. */
function what(e: AuditEvent): string {
  const [, entity = e.item_type, action = ''] = e.event_name.split('.');
  const p = e.payload;
  const subject = [p.email, p.name, p.category, p.event_name, p.metric, p.url].find((v) => typeof v === 'string' && v !== '') as string | undefined;
  return `${KIND_LABEL.get(entity) ?? entity.replace(/_/g, ' ')}: ${action} · ${subject ?? `#${e.item_id}`}`;
}

const shown = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function Changes({ e }: { e: AuditEvent }) {
  const changes = (e.payload.changes ?? {}) as Record<string, { before?: unknown; after?: unknown }>;
  const fields = Object.entries(changes);
  if (fields.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list small">
      {fields.map(([field, c]) => (
        <li key={field}>
          <strong>{field}</strong>: {shown(c.before)} → {shown(c.after)}
        </li>
      ))}
    </ul>
  );
}
