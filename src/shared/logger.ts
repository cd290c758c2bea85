import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Query parameters whose values are secrets (keys in `?token=` for browsers' WebSockets, OAuth
 * codes and tokens, passwords). Matched by name, case-insensitively; the value is replaced.
 */
const SECRET_PARAMS = new Set([
  'token',
  'api_key',
  'apikey',
  'key',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'password',
  'secret',
  'client_secret',
  'session',
]);

/**
 * Paths with a secret segment: a one-time invitation link's token, looked up by the accept page
 * (GET /api/auth/invitations/<token>). The segment after the prefix is replaced.
 */
const SECRET_PATH_SEGMENT = /^(\/api\/auth\/invitations\/)(?!accept(?:[/?]|$))[^/?]+/;

/** A request URL with secret path segments and the values of secret query parameters replaced by `[redacted]`. */
export function redactUrl(rawUrl: string): string {
  const url = rawUrl.replace(SECRET_PATH_SEGMENT, '$1[redacted]');
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    let name: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch {
      name = rawName;
    }
    return SECRET_PARAMS.has(name.trim().toLowerCase()) ? `${rawName}=[redacted]` : pair;
  });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

interface RequestLike {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
}

/**
 * Fastify logs every request with the `req` serializer of the logger it is given (ours win over
 * its defaults): method, URL with secrets redacted, host and client address (as the proxy reports
 * it when TRUST_PROXY is set). Headers are never logged.
 */
function serializeRequest(req: RequestLike) {
  return { method: req.method, url: req.url === undefined ? undefined : redactUrl(req.url), host: req.host, remoteAddress: req.ip };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'flowledger' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { req: serializeRequest },
      // Belt and braces for objects logged by hand: credentials in headers never reach a line.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', 'headers["set-cookie"]', 'headers["x-api-key"]'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
