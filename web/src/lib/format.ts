/** Display formatting, one place for the whole UI. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function money(value: number, currency = 'USD'): string {
  let f = moneyFormats.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      f = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    }
    moneyFormats.set(currency, f);
  }
  return f.format(value);
}

export const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
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

/** The SLA countdown text of a card: "2 h 14 m left" or "overdue 35 m". */
export function countdown(deadline: string | null, nowMs: number): { text: string; overdue: boolean } | null {
  if (!deadline) return null;
  const left = new Date(deadline).getTime() - nowMs;
  return left >= 0 ? { text: `${span(left)} left`, overdue: false } : { text: `overdue ${span(left)}`, overdue: true };
}
