/** Display formatting, one place for the whole UI. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount in its currency ("$48,000"; with `cents`, "$1,250.50"); a bare number for an unknown code. */
export function money(value: number, currency = 'USD', opts: { cents?: boolean } = {}): string {
  const key = `${currency}:${opts.cents ? 2 : 0}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const digits = opts.cents ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 0 };
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, ...digits });
    } catch {
      f = new Intl.NumberFormat('en-US', digits);
    }
    moneyFormats.set(key, f);
  }
  return f.format(value);
}

/** A file size as people read it: "512 bytes", "12.3 KB", "4.1 MB" (1 KB = 1024 bytes, as file managers show). */
export function bytes(n: number): string {
  if (n < 1024) return `${count(n)} ${n === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

export const count = (n: number): string => new Intl.NumberFormat('en-US').format(n);
export const percent = (n: number) => `${n.toFixed(1)} %`;

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

/** "2 h 14 m", "3 d 4 h", "45 s": the two largest units of a span. */
export function span(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} m`;
  if (m > 0) return `${m} m`;
  return `${s % 60} s`;
}

/** How long ago an instant was: "just now", "45 s ago", "2 h 14 m ago" (a clock a little ahead counts as now). */
export function ago(iso: string, nowMs: number): string {
  const ms = nowMs - new Date(iso).getTime();
  return ms < 5_000 ? 'just now' : `${span(ms)} ago`;
}

/** The SLA countdown text of a card: "2 h 14 m left" or "overdue 35 m". */
export function countdown(deadline: string | null, nowMs: number): { text: string; overdue: boolean } | null {
  if (!deadline) return null;
  const left = new Date(deadline).getTime() - nowMs;
  return left >= 0 ? { text: `${span(left)} left`, overdue: false } : { text: `overdue ${span(left)}`, overdue: true };
}
