/**
 * SLA rules and business hours (admins): the rules that set task windows (by priority or category)
 * and the workstream checks, each with an optional business-hours calendar edited as a form (time
 * zone, working days and hours, holidays), and the org's high-value threshold. The API validates;
 * its 400 details appear beside the fields they name. Deleting a rule and switching one on or off
 * show at once and roll back when refused.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CategoryOptions } from '../../api/categories.js';
import { toApiError, type ApiError } from '../../api/errors.js';
import { optimisticChange } from '../../api/optimistic.js';
import { useInvalidateOn } from '../../api/query.js';
import { useSession } from '../../api/session-context.js';
import { sla, slaKeys, type Calendar, type SlaRule, type SlaRuleInput } from '../../api/sla.js';
import { FormFooter } from '../../components/form-footer.js';
import { ErrorNote } from '../../components/error-note.js';
import { errorFor, FieldError, fieldErrorsOf, invalidProps, type FieldErrors } from '../../components/field-error.js';
import { TableHead } from '../../components/table-head.js';
import { money } from '../../lib/format.js';

const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'NORMAL'] as const;
const KINDS = {
  priority: 'Tasks of a priority',
  category: 'Tasks of a category',
  triage_sla: 'Candidates left untouched (triage)',
  proposal_sla: 'Pursuits without a sent proposal',
  submit_sla: 'Submitted proposals awaiting an answer',
} as const;
type Kind = keyof typeof KINDS;
/** ISO weekdays, 1 = Monday. */
const WEEKDAYS = [
  [1, 'Mon', 'Monday'],
  [2, 'Tue', 'Tuesday'],
  [3, 'Wed', 'Wednesday'],
  [4, 'Thu', 'Thursday'],
  [5, 'Fri', 'Friday'],
  [6, 'Sat', 'Saturday'],
  [7, 'Sun', 'Sunday'],
] as const;

export function SlaScreen() {
  useInvalidateOn('workstream:audit.sla_rule.', slaKeys.rules);
  useInvalidateOn('workstream:audit.org.', slaKeys.settings);
  return (
    <div className="stack">
      <div className="page-head">
        <h1>SLA rules</h1>
        <p className="muted">How long work may wait: each task’s deadline and warning come from these rules, counted in business hours where a rule has a calendar.</p>
      </div>
      <RulesPanel />
      <ThresholdPanel />
    </div>
  );
}

// ------------------------------------------------------------------ the rules

function describeMetric(metric: string): string {
  if (metric.startsWith('priority:')) return `Tasks of priority ${metric.slice('priority:'.length)}`;
  if (metric.startsWith('category:')) return `Tasks in category “${metric.slice('category:'.length)}”`;
  return KINDS[metric as Kind] ?? metric;
}

function describeCalendar(cal: Calendar | null): string {
  if (!cal) return 'Around the clock';
  const days = WEEKDAYS.filter(([n]) => cal.days.includes(n)).map(([, short]) => short);
  const holidays = cal.holidays.length ? `, ${cal.holidays.length} holiday${cal.holidays.length === 1 ? '' : 's'}` : '';
  return `${days.join(' ')} ${cal.start}–${cal.end} ${cal.time_zone}${holidays}`;
}

type RuleList = { data: SlaRule[] };

function RulesPanel() {
  const { api } = useSession();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: slaKeys.rules, queryFn: () => sla.rules(api) });
  // Here, not in the row: the row is gone while the delete runs, and a refusal is shown here.
  const remove = useMutation({
    mutationFn: (id: number) => sla.deleteRule(api, id),
    ...optimisticChange<RuleList, number>(client, slaKeys.rules, (old, id) => ({ data: old.data.filter((x) => x.rule_id !== id) })),
  });
  const [editing, setEditing] = useState<SlaRule | 'new' | null>(null);
  return (
    <section className="panel" aria-labelledby="rules-title">
      <div className="panel-head">
        <h2 id="rules-title">Rules</h2>
        {editing === null && (
          <button type="button" onClick={() => setEditing('new')}>
            New rule
          </button>
        )}
      </div>
      {editing !== null && <RuleForm key={editing === 'new' ? 'new' : editing.rule_id} rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {rules.error && <ErrorNote error={toApiError(rules.error)} />}
      {remove.error ? <ErrorNote error={toApiError(remove.error)} /> : null}
      {rules.isPending && (
        <p className="muted" aria-busy="true">
          Loading rules…
        </p>
      )}
      {rules.data && rules.data.data.length === 0 && <p className="muted">No rules: tasks get the default windows (CRITICAL 4 h, HIGH 8 h, MEDIUM 24 h, NORMAL 48 h).</p>}
      {rules.data && rules.data.data.length > 0 && (
        <div className="table-wrap">
          <table aria-label="SLA rules">
            <TableHead columns={['Applies to', { label: 'Window', num: true }, { label: 'First reply', num: true }, { label: 'Warn at', num: true }, 'Hours counted', 'Active']} action="Actions" />
            <tbody>
              {rules.data.data.map((r) => (
                <RuleRow key={r.rule_id} r={r} onEdit={() => setEditing(r)} onDelete={(id) => remove.mutate(id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RuleRow({ r, onEdit, onDelete }: { r: SlaRule; onEdit: () => void; onDelete: (id: number) => void }) {
  const { api } = useSession();
  const client = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const toggle = useMutation({
    mutationFn: (is_active: boolean) => sla.updateRule(api, r.rule_id, { is_active }),
    ...optimisticChange<RuleList, boolean>(client, slaKeys.rules, (old, is_active) => ({ data: old.data.map((x) => (x.rule_id === r.rule_id ? { ...x, is_active } : x)) })),
  });
  const failure = toggle.error;
  const name = describeMetric(r.metric);
  return (
    <tr data-rule-id={r.rule_id} data-metric={r.metric}>
      <th scope="row">{name}</th>
      <td className="num">{r.threshold_hrs} h</td>
      <td className="num">{r.first_response_hrs === null ? '—' : `${r.first_response_hrs} h`}</td>
      <td className="num">{r.warn_pct} %</td>
      <td data-field="calendar">{describeCalendar(r.calendar)}</td>
      <td>
        <label className="checkbox">
          <input type="checkbox" checked={r.is_active} onChange={(e) => toggle.mutate(e.target.checked)} />
          <span className="sr-only">{name}:</span> {r.is_active ? 'On' : 'Off'}
        </label>
      </td>
      <td>
        <div className="button-row">
          <button type="button" className="button-quiet" onClick={onEdit} aria-label={`Edit rule: ${name}`}>
            Edit
          </button>
          {confirm ? (
            <span className="confirm" role="group" aria-label={`Confirm deleting rule: ${name}`}>
              <button type="button" className="button-danger" onClick={() => onDelete(r.rule_id)}>
                Yes, delete
              </button>
              <button type="button" className="button-quiet" onClick={() => setConfirm(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="button-quiet" onClick={() => setConfirm(true)} aria-label={`Delete rule: ${name}`}>
              Delete
            </button>
          )}
        </div>
        {failure ? <ErrorNote error={toApiError(failure)} /> : null}
      </td>
    </tr>
  );
}

interface Draft {
  kind: Kind;
  priority: string;
  category: string;
  threshold: string;
  firstResponse: string;
  warnPct: string;
  active: boolean;
  businessHours: boolean;
  timeZone: string;
  days: number[];
  start: string;
  end: string;
  holidays: string[];
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function draftOf(r: SlaRule | null): Draft {
  const m = r?.metric ?? 'priority:NORMAL';
  const kind: Kind = m.startsWith('priority:') ? 'priority' : m.startsWith('category:') ? 'category' : (m as Kind);
  return {
    kind,
    priority: kind === 'priority' ? m.slice('priority:'.length) : 'NORMAL',
    category: kind === 'category' ? m.slice('category:'.length) : '',
    threshold: r ? String(r.threshold_hrs) : '',
    firstResponse: r?.first_response_hrs != null ? String(r.first_response_hrs) : '',
    warnPct: String(r?.warn_pct ?? 75),
    active: r?.is_active ?? true,
    businessHours: Boolean(r?.calendar),
    timeZone: r?.calendar?.time_zone ?? browserZone(),
    days: r?.calendar?.days ?? [1, 2, 3, 4, 5],
    start: r?.calendar?.start ?? '09:00',
    end: r?.calendar?.end ?? '17:00',
    holidays: r?.calendar?.holidays ?? [],
  };
}

const isTaskKind = (k: Kind) => k === 'priority' || k === 'category';
/** A number as typed; blank stays blank for the API to name (JSON has no NaN). */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

function bodyOf(d: Draft): SlaRuleInput {
  const metric = d.kind === 'priority' ? `priority:${d.priority}` : d.kind === 'category' ? `category:${d.category.trim()}` : d.kind;
  return {
    metric,
    threshold_hrs: num(d.threshold),
    first_response_hrs: isTaskKind(d.kind) && d.firstResponse.trim() !== '' ? num(d.firstResponse) : null,
    warn_pct: num(d.warnPct),
    is_active: d.active,
    calendar: d.businessHours ? { time_zone: d.timeZone.trim(), days: [...d.days].sort((a, b) => a - b), start: d.start, end: d.end, holidays: d.holidays } : null,
  };
}

function RuleForm({ rule, onClose }: { rule: SlaRule | null; onClose: () => void }) {
  const { api } = useSession();
  const client = useQueryClient();
  const [d, setD] = useState(() => draftOf(rule));
  const set = (patch: Partial<Draft>) => setD((old) => ({ ...old, ...patch }));
  const save = useMutation({
    mutationFn: (body: SlaRuleInput) => (rule ? sla.updateRule(api, rule.rule_id, body) : sla.createRule(api, body)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: slaKeys.rules });
      onClose();
    },
  });
  const error = save.error ? toApiError(save.error) : null;
  const errors = fieldErrorsOf(error);
  const title = rule ? `Edit rule: ${describeMetric(rule.metric)}` : 'New rule';
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(bodyOf(d));
  }
  return (
    <form className="panel stack rule-form" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <div className="form-grid">
        <label htmlFor="rule-kind">
          Applies to
          <select id="rule-kind" autoFocus value={d.kind} onChange={(e) => set({ kind: e.target.value as Kind })}>
            {Object.entries(KINDS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {d.kind === 'priority' && (
          <label htmlFor="rule-priority">
            Priority
            <select id="rule-priority" value={d.priority} onChange={(e) => set({ priority: e.target.value })} {...invalidProps('rule-priority', errors.metric)}>
              {PRIORITIES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
            <FieldError id="rule-priority" message={errors.metric} />
          </label>
        )}
        {d.kind === 'category' && (
          <label htmlFor="rule-category">
            Category
            <input id="rule-category" list="rule-categories" value={d.category} onChange={(e) => set({ category: e.target.value })} {...invalidProps('rule-category', errors.metric)} />
            <CategoryOptions id="rule-categories" />
            <FieldError id="rule-category" message={errors.metric} />
          </label>
        )}
        {!isTaskKind(d.kind) && <FieldError id="rule-metric" message={errors.metric} />}
        <NumberField id="rule-threshold" label="Window (hours)" value={d.threshold} onChange={(threshold) => set({ threshold })} errors={errors} name="threshold_hrs" />
        {isTaskKind(d.kind) && (
          <NumberField id="rule-first-response" label="First reply due within (hours, optional)" value={d.firstResponse} onChange={(firstResponse) => set({ firstResponse })} errors={errors} name="first_response_hrs" />
        )}
        <NumberField id="rule-warn" label="Warn after (% of the window)" value={d.warnPct} onChange={(warnPct) => set({ warnPct })} errors={errors} name="warn_pct" />
        <label className="checkbox">
          <input type="checkbox" checked={d.active} onChange={(e) => set({ active: e.target.checked })} /> Active
        </label>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={d.businessHours} onChange={(e) => set({ businessHours: e.target.checked })} aria-controls="rule-calendar" />
        Count business hours only
      </label>
      {d.businessHours && <CalendarFields d={d} set={set} errors={errors} />}
      <FormFooter submit={rule ? 'Save rule' : 'Create rule'} pending={save.isPending} onCancel={onClose} error={error} />
    </form>
  );
}

function NumberField({ id, label, value, onChange, errors, name }: { id: string; label: string; value: string; onChange: (v: string) => void; errors: FieldErrors; name: string }) {
  const message = errorFor(errors, name);
  return (
    <label htmlFor={id}>
      {label}
      <input id={id} type="number" step="any" value={value} onChange={(e) => onChange(e.target.value)} {...invalidProps(id, message)} />
      <FieldError id={id} message={message} />
    </label>
  );
}

function CalendarFields({ d, set, errors }: { d: Draft; set: (p: Partial<Draft>) => void; errors: FieldErrors }) {
  const [holiday, setHoliday] = useState('');
  const zoneError = errorFor(errors, 'calendar.time_zone');
  const daysError = errorFor(errors, 'calendar.days');
  const startError = errorFor(errors, 'calendar.start');
  const endError = errorFor(errors, 'calendar.end');
  const holidaysError = errorFor(errors, 'calendar.holidays');
  const zones = supportedZones();
  function addHoliday() {
    if (!holiday || d.holidays.includes(holiday)) return;
    set({ holidays: [...d.holidays, holiday].sort() });
    setHoliday('');
  }
  return (
    <fieldset className="form-section" id="rule-calendar">
      <legend>Business hours</legend>
      <label htmlFor="cal-zone">
        Time zone
        <input id="cal-zone" list="cal-zones" value={d.timeZone} onChange={(e) => set({ timeZone: e.target.value })} {...invalidProps('cal-zone', zoneError)} />
        <datalist id="cal-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <FieldError id="cal-zone" message={zoneError} />
      </label>
      <fieldset className="form-section" aria-describedby={daysError ? 'cal-days-error' : undefined}>
        <legend>Working days</legend>
        <div className="weekday-picks">
          {WEEKDAYS.map(([n, , long]) => (
            <label key={n} className="checkbox">
              <input
                type="checkbox"
                checked={d.days.includes(n)}
                onChange={(e) => set({ days: e.target.checked ? [...d.days, n] : d.days.filter((x) => x !== n) })}
              />
              {long}
            </label>
          ))}
        </div>
        <FieldError id="cal-days" message={daysError} />
      </fieldset>
      <div className="form-grid">
        <label htmlFor="cal-start">
          Working hours start
          <input id="cal-start" type="time" value={d.start} onChange={(e) => set({ start: e.target.value })} {...invalidProps('cal-start', startError)} />
          <FieldError id="cal-start" message={startError} />
        </label>
        <label htmlFor="cal-end">
          Working hours end
          <input id="cal-end" type="time" value={d.end} onChange={(e) => set({ end: e.target.value })} {...invalidProps('cal-end', endError)} />
          <FieldError id="cal-end" message={endError} />
        </label>
      </div>
      <div className="stack">
        <div className="inline-form">
          <label htmlFor="cal-holiday">
            Holiday
            <input id="cal-holiday" type="date" value={holiday} onChange={(e) => setHoliday(e.target.value)} {...invalidProps('cal-holiday', holidaysError)} />
          </label>
          <button type="button" className="button-quiet" onClick={addHoliday}>
            Add holiday
          </button>
        </div>
        <FieldError id="cal-holiday" message={holidaysError} />
        {d.holidays.length > 0 && (
          <ul className="plain-list" aria-label="Holidays">
            {d.holidays.map((h) => (
              <li key={h}>
                <time dateTime={h}>{h}</time>{' '}
                <button type="button" className="button-quiet" onClick={() => set({ holidays: d.holidays.filter((x) => x !== h) })} aria-label={`Remove holiday ${h}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}

let zoneList: string[] | undefined;
/** The browser's IANA zones, for suggestions only: the API decides what is valid. */
function supportedZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  zoneList ??= intl.supportedValuesOf?.('timeZone') ?? [];
  return zoneList;
}

// ------------------------------------------------------------------ the high-value threshold

function ThresholdPanel() {
  const { api } = useSession();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: slaKeys.settings, queryFn: () => sla.settings(api) });
  const [value, setValue] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: number) => sla.updateSettings(api, v),
    onSuccess: (s) => {
      client.setQueryData(slaKeys.settings, s);
      setValue(null);
    },
  });
  const error: ApiError | null = save.error ? toApiError(save.error) : null;
  const message = errorFor(fieldErrorsOf(error), 'high_value_threshold');
  const shown = value ?? (settings.data ? String(settings.data.high_value_threshold) : '');
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(num(shown));
  }
  return (
    <section className="panel" aria-labelledby="threshold-title">
      <h2 id="threshold-title">High-value alert</h2>
      <p className="muted">
        A task worth at least this much raises a critical alert when its SLA turns red
        {settings.data ? ` (now ${money(settings.data.high_value_threshold, settings.data.currency)})` : ''}.
      </p>
      {settings.error && <ErrorNote error={toApiError(settings.error)} />}
      <form className="inline-form" onSubmit={submit} noValidate aria-label="High-value alert threshold">
        <label htmlFor="high-value">
          Threshold{settings.data ? ` (${settings.data.currency})` : ''}
          <input id="high-value" type="number" min={0} step="any" value={shown} onChange={(e) => setValue(e.target.value)} {...invalidProps('high-value', message)} />
          <FieldError id="high-value" message={message} />
        </label>
        <button type="submit" disabled={save.isPending || !settings.data}>
          Save threshold
        </button>
        {save.isSuccess && value === null && <span role="status">Saved</span>}
      </form>
      {error && <ErrorNote error={error} />}
    </section>
  );
}
