/**
 * The admin area: one sub-navigation over the screens a team runs FlowLedger from. Each section
 * is an entry of ADMIN_SECTIONS (path, label, what it holds, the screen); members and viewers
 * reaching any of them are told the page is for admins, as the API answers them 403.
 */
import type { ReactNode } from 'react';
import { useSession } from '../../api/session-context.js';
import { AdminOnly } from '../../components/admin-only.js';
import { Link } from '../../lib/router.js';
import { MailboxesScreen } from '../mailboxes.js';
import { SlaScreen } from './sla.js';
import { WebhooksScreen } from './webhooks.js';
import { RoutingScreen } from './routing.js';
import { AuditScreen } from './audit.js';
import { DeadLettersScreen } from './dead-letters.js';
import { KeysScreen } from './keys.js';
import { UsersScreen } from './users.js';

export interface AdminSection {
  /** Under /admin/. */
  path: string;
  label: string;
  /** One sentence: why the section is for admins only (shown to other roles). */
  holds: string;
  render: (path: string) => ReactNode;
}

/** The sections in the order of the sub-navigation. Add a screen here. */
export const ADMIN_SECTIONS: AdminSection[] = [
  { path: '/admin/users', label: 'Users', holds: 'Users and invitations decide who may see and change the organisation’s work.', render: () => <UsersScreen /> },
  { path: '/admin/keys', label: 'API keys', holds: 'API keys give programs access to the organisation’s data.', render: () => <KeysScreen /> },
  { path: '/admin/mailboxes', label: 'Mailboxes', holds: 'Mailboxes hold the credentials of the organisation’s mail.', render: () => <MailboxesScreen /> },
  { path: '/admin/webhooks', label: 'Webhooks', holds: 'Webhooks send the organisation’s events to outside addresses, signed with secrets.', render: () => <WebhooksScreen /> },
  { path: '/admin/sla', label: 'SLA rules', holds: 'SLA rules and business hours set every task’s deadline.', render: () => <SlaScreen /> },
  { path: '/admin/routing', label: 'Routing', holds: 'Routing decides who the organisation’s new work goes to.', render: () => <RoutingScreen /> },
  {
    path: '/admin/dead-letters',
    label: 'Dead letters',
    holds: 'Dead letters are the deliveries the outbox gave up on, with their payloads.',
    render: () => <DeadLettersScreen />,
  },
  { path: '/admin/audit', label: 'Audit log', holds: 'The audit log records every change to the organisation’s settings, people and keys.', render: () => <AuditScreen /> },
];

export const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/') || path === '/mailboxes';

function sectionOf(path: string): AdminSection {
  // `/mailboxes` was the mailboxes screen's address before the admin area: old links still work.
  const p = path === '/mailboxes' ? '/admin/mailboxes' : path === '/admin' ? ADMIN_SECTIONS[0]!.path : path;
  return ADMIN_SECTIONS.find((s) => p === s.path || p.startsWith(`${s.path}/`)) ?? ADMIN_SECTIONS[0]!;
}

export function AdminScreen({ path }: { path: string }) {
  const { me } = useSession();
  const section = sectionOf(path);
  if (me.role !== 'admin') return <AdminOnly role={me.role} what={section.holds} />;
  return (
    <div className="admin-layout">
      <nav aria-label="Admin" className="admin-nav">
        {ADMIN_SECTIONS.map((s) => (
          <Link key={s.path} to={s.path} className="admin-nav-link" aria-current={s === section ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
      <div className="admin-content">{section.render(path)}</div>
    </div>
  );
}
