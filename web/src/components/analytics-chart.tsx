import type { RouterOutputs } from '../api/client.js';
import { count } from '../lib/format.js';

type Result = RouterOutputs['workflow']['analytics'];

const HEIGHT = 180;
const LABEL_H = 22;

/**
 * Created vs completed per bucket as paired bars (SVG, no chart library). The box has a fixed
 * height so the page does not jump when the data arrives; a table carries the same figures for
 * screen readers.
 */
export function AnalyticsChart({ result }: { result: Result | undefined }) {
  const points = result?.points ?? [];
  const max = Math.max(1, ...points.map((p) => Math.max(p.created, p.completed)));
  const n = Math.max(points.length, 1);
  const width = 720;
  const slot = width / n;
  const bar = Math.max(1, Math.min(14, slot / 2 - 2));
  const every = Math.ceil(n / 10);
  return (
    <div className="chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT + LABEL_H}`} role="img" aria-label={`Tasks created and completed per ${result?.granularity ?? 'bucket'}`} preserveAspectRatio="none">
        <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} className="axis" />
        {points.map((p, i) => {
          const x = i * slot + slot / 2;
          const hc = (p.created / max) * (HEIGHT - 8);
          const hd = (p.completed / max) * (HEIGHT - 8);
          return (
            <g key={p.bucket}>
              <rect x={x - bar - 1} y={HEIGHT - hc} width={bar} height={hc} className="bar-created">
                <title>{`${p.bucket}: ${p.created} created`}</title>
              </rect>
              <rect x={x + 1} y={HEIGHT - hd} width={bar} height={hd} className="bar-completed">
                <title>{`${p.bucket}: ${p.completed} completed`}</title>
              </rect>
              {i % every === 0 && (
                <text x={x} y={HEIGHT + 15} textAnchor="middle" className="tick">
                  {p.bucket.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <div className="legend" aria-hidden="true">
        <span className="swatch swatch-created" /> created <span className="swatch swatch-completed" /> completed
        <span className="muted"> · peak {count(max)}</span>
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
