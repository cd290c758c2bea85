/** What every client of the SDK is given: where the server is and how to authenticate. */
export interface ConnectionOptions {
  /** The server's origin, e.g. `http://localhost:3001` (the clients add `/api/…` themselves). */
  baseUrl: string;
  /** An API key, or a function returning it (called for every request, so a rotated key is picked up). */
  token?: string | (() => string | Promise<string>);
  /** Headers sent with every request (e.g. `x-request-id`). */
  headers?: Record<string, string>;
  /** A fetch implementation; default `globalThis.fetch` (Node ≥ 18, browsers). */
  fetch?: typeof globalThis.fetch;
}

export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** The Authorization header for the token, if any. */
export async function bearer(token: ConnectionOptions['token']): Promise<Record<string, string>> {
  const value = typeof token === 'function' ? await token() : token;
  return value === undefined ? {} : { authorization: `Bearer ${value}` };
}
