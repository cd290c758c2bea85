/**
 * Notifications: SLA warnings and violations, critical alerts and finished email batches arrive as
 * toasts from the realtime connection; screens add their own (API errors, confirmations).
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useRealtimeEvent } from '../api/session-context.js';
import { money } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { STALE_WRITE_BODY, STALE_WRITE_TITLE } from '../api/errors.js';

export type ToastTone = 'info' | 'success' | 'warning' | 'danger';
export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  body?: string;
  href?: string;
}

const ToastContext = createContext<(t: Omit<Toast, 'id'>) => void>(() => {});
const TOAST_MS = 8000;

export function useToast() {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (t: Omit<Toast, 'id'>) => {
      const id = next.current++;
      // Keep the newest five: a burst of alerts must not cover the screen.
      setToasts((ts) => [...ts.slice(-4), { ...t, id }]);
      setTimeout(() => dismiss(id), t.tone === 'danger' ? TOAST_MS * 2 : TOAST_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div className="toasts" role="region" aria-label="Notifications" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`} role={t.tone === 'danger' ? 'alert' : 'status'}>
            <div className="toast-text">
              <strong>{t.title}</strong>
              {t.body && <span>{t.body}</span>}
              {t.href && (
                <Link to={t.href} onClick={() => dismiss(t.id)}>
                  Open
                </Link>
              )}
            </div>
            <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Turns the realtime alert events into toasts; mounted once inside the signed-in app. */
export function RealtimeToasts() {
  const toast = useToast();
  const title = (d: { task?: { title: string } | null; taskId: string }) => d.task?.title ?? d.taskId;
  const href = (taskId: string) => `/tasks/${encodeURIComponent(taskId)}`;
  useRealtimeEvent('workflow:sla:warning', (d) =>
    toast({
      tone: 'warning',
      title: 'SLA warning',
      body: `${title(d)}${d.hoursRemaining !== undefined ? ` — ${d.hoursRemaining.toFixed(1)} h left` : ''}`,
      href: href(d.taskId),
    }),
  );
  useRealtimeEvent('workflow:sla:violated', (d) =>
    toast({ tone: 'danger', title: 'SLA violated', body: `${title(d)} is past its deadline`, href: href(d.taskId) }),
  );
  useRealtimeEvent('workflow:critical:alert', (d) =>
    toast({
      tone: 'danger',
      title: 'Critical alert',
      body: `${title(d)}${d.dollarValue ? ` — ${money(d.dollarValue, d.task?.currency)} at risk` : ''}`,
      href: href(d.taskId),
    }),
  );
  useRealtimeEvent('workflow:batch:completed', (d) => {
    // The payload of `ingest.batch_completed` (src/ingest/ingest.service.ts).
    const c = d as { read?: number; newSignals?: number; newTasks?: number; duplicates?: number; failed?: number };
    const parts = [
      c.read !== undefined ? `${c.read} read` : undefined,
      c.newTasks !== undefined ? `${c.newTasks} new tasks` : undefined,
      c.duplicates ? `${c.duplicates} duplicates` : undefined,
      c.failed ? `${c.failed} failed` : undefined,
    ].filter(Boolean);
    toast({ tone: c.failed ? 'warning' : 'info', title: 'Email batch processed', body: parts.join(', ') || undefined });
  });
  return null;
}

/** A toast for a failed action, in plain words. */
export function useErrorToast() {
  const toast = useToast();
  return useCallback(
    (e: { message: string; code?: string }) =>
      e.code === 'precondition_failed'
        ? toast({ tone: 'warning', title: STALE_WRITE_TITLE, body: STALE_WRITE_BODY })
        : toast({ tone: 'danger', title: 'That did not work', body: e.message }),
    [toast],
  );
}

