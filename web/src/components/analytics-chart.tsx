import { useLayoutEffect, useRef, useState } from 'react';
import type { RouterOutputs } from '../api/client.js';
import { count } from '../lib/format.js';

type Result = RouterOutputs['workflow']['analytics'];

const HEIGHT = 240;
const TOP = 10;
const BOTTOM = 26; // room for the x labels
const RIGHT = 8;
const FONT_PX = 12;
/** A generous width per character of the 12 px labels, so spacing never lets two labels touch. */
const CHAR_PX = 7.2;

/** Steps of 1, 2 or 5 × 10^k (never below 1: the values are counts) giving about `target` intervals. */
export function yTicks(max: number, target = 4): number[] {
  const raw = Math.max(1, max) / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/** The buckets are local dates ("2026-11-03"); shown as "3 Nov", or "Nov 2026" per month. */
function bucketLabel(bucket: string, granularity: Result['granularity'] | undefined): string {
  const [y, m, d] = bucket.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return granularity === 'month'
    ? date.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** The box's width in CSS pixels, followed as the layout changes (the chart draws in real pixels). */
function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  // Measured before the first paint, so the chart never shows at a guessed width.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.max(200, el.clientWidth));
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

/**
 * Created vs completed per bucket as paired bars with a y-axis of counts (SVG in real pixels, so
 * text is never stretched, no chart library). Labels are spaced by their width and kept inside the
 * box. The box has a fixed height so the page does not jump when the data arrives; a table carries
 * the same figures for screen readers.
 */
export function AnalyticsChart({ result }: { result: Result | undefined }) {
  const { ref, width } = useWidth<HTMLDivElement>(720);
  const points = result?.points ?? [];
  const ticks = yTicks(Math.max(0, ...points.map((p) => Math.max(p.created, p.completed))));
  const top = ticks.at(-1)!;
  const left = Math.ceil(count(top).length * CHAR_PX) + 12;
  const plotW = width - left - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const n = Math.max(points.length, 1);
  const slot = plotW / n;
  const bar = Math.max(1, Math.min(14, slot / 2 - 2));
  const labels = points.map((p) => bucketLabel(p.bucket, result?.granularity));
  const labelW = Math.max(0, ...labels.map((l) => l.length * CHAR_PX));
  const every = Math.max(1, Math.ceil((labelW + 10) / slot));
  // A label centred on its bucket, moved inwards where it would cross the box's edge.
  const labelX = (i: number) => Math.min(Math.max(left + i * slot + slot / 2, left + labelW / 2), width - RIGHT - labelW / 2);
  return (
    <div className="chart" ref={ref}>
      <svg width={width} height={HEIGHT} role="img" aria-label={`Tasks created and completed per ${result?.granularity ?? 'bucket'}`}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width - RIGHT} y1={y(v)} y2={y(v)} className={v === 0 ? 'axis' : 'grid'} />
            <text x={left - 6} y={y(v)} dy="0.35em" textAnchor="end" className="tick y-tick" fontSize={FONT_PX}>
              {count(v)}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = left + i * slot + slot / 2;
          return (
            <g key={p.bucket}>
              <rect x={x - bar - 1} y={y(p.created)} width={bar} height={y(0) - y(p.created)} className="bar-created">
                <title>{`${labels[i]}: ${p.created} created`}</title>
              </rect>
              <rect x={x + 1} y={y(p.completed)} width={bar} height={y(0) - y(p.completed)} className="bar-completed">
                <title>{`${labels[i]}: ${p.completed} completed`}</title>
              </rect>
              {i % every === 0 && (
                <text x={labelX(i)} y={HEIGHT - 8} textAnchor="middle" className="tick x-tick" fontSize={FONT_PX}>
                  {labels[i]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <div className="legend" aria-hidden="true">
        <span className="swatch swatch-created" /> created <span className="swatch swatch-completed" /> completed
      </div>
      <table className="sr-only">
        <caption>Tasks per {result?.granularity}</caption>
        <thead>
          <tr>
            <th scope="col">Bucket</th>
            <th scope="col">Created</th>
            <th scope="col">Completed</th>
            <th scope="col">Violations</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.bucket}>
              <th scope="row">{p.bucket}</th>
              <td>{p.created}</td>
              <td>{p.completed}</td>
              <td>{p.violations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
