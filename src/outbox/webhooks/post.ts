import http from 'node:http';
import https from 'node:https';
import { guardedLookup, UrlNotAllowed } from './url-guard.js';

export interface PostResult {
  statusCode: number | null;
  ok: boolean;
  error: string | null;
  /** No retry can help (URL not allowed). */
  permanent: boolean;
  durationMs: number;
}

/**
 * POSTs a webhook body. Redirects are not followed (a 3xx is a failed attempt: a redirect could
 * point anywhere, including our own network). The response body is read and discarded, capped.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  o: { allowPrivate: boolean; timeoutMs: number },
): Promise<PostResult> {
  const t0 = performance.now();
  const u = new URL(url);
  const client = u.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...r, durationMs: Math.round(performance.now() - t0) });
    };
    const req = client.request(
      u,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'FlowLedger-Webhooks/1', ...headers },
        lookup: guardedLookup(o.allowPrivate),
        timeout: o.timeoutMs,
      },
      (res) => {
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 64 * 1024) res.destroy();
        });
        const done = () => {
          const code = res.statusCode ?? 0;
          const ok = code >= 200 && code < 300;
          finish({ statusCode: code, ok, error: ok ? null : `HTTP ${code}`, permanent: false });
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${o.timeoutMs} ms`)));
    req.on('error', (err) =>
      finish({ statusCode: null, ok: false, error: err.message, permanent: err instanceof UrlNotAllowed }),
    );
    req.end(body);
  });
}
