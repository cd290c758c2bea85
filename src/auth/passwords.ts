/**
 * Password hashing with Node's built-in scrypt (no native dependency). The stored form carries its
 * own parameters, `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the cost can be raised
 * later and old hashes still verify (and can be rehashed at the next sign-in).
 *
 * N = 2^15, r = 8, p = 1: 32 MiB and, on the project machine, ≥ 50 ms per hash even unloaded
 * (docs/performance.md has the figures and the command); 2^14 measured ~40 ms, under the target.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Refuse stored parameters that would make one verification take seconds or gigabytes. */
const MAX_N = 2 ** 20;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is just under what N=2^15, r=8 needs (128·N·r plus a little).
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scrypt(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

interface Parsed {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every(Number.isInteger) || N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const hash = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || hash.length !== KEY_BYTES) return undefined;
  return { params: { N, r, p }, salt, hash };
}

/** True when `password` matches `stored`; constant-time compare; a malformed stored value never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const candidate = await scrypt(password, parsed.salt, parsed.params);
  return timingSafeEqual(candidate, parsed.hash);
}

/** A stored hash made with weaker parameters than today's: rehash it at the next good sign-in. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_PARAMS): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.params.N < params.N || parsed.params.r < params.r || parsed.params.p < params.p;
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no hash to verify against (unknown email, no
 * password set, deactivated user), so the answer's timing does not tell which emails exist.
 */
export async function burnVerification(password: string): Promise<false> {
  dummy ??= hashPassword('flowledger-dummy-password');
  await verifyPassword(password, await dummy);
  return false;
}

/**
 * The most common passwords of 10 characters or more (shorter ones are refused by length), from
 * the public breach top lists; compared lowercased.
 */
const COMMON = new Set([
  '1234567890', '0123456789', '0987654321', '1111111111', '0000000000', '1234512345', '1122334455', '1029384756',
  '123456789a', 'a123456789', '12345678910', '123123123123', '123456123456', '1234567890a', '1q2w3e4r5t',
  '1qaz2wsx3edc', 'qwertyuiop', 'qwerty12345', 'qwerty123456', 'qwerty1234', 'asdfghjkl1', 'asdfghjkl;', 'zxcvbnm123',
  'qazwsxedc123', 'q1w2e3r4t5', 'q1w2e3r4t5y6', 'password12', 'password123', 'password1234', 'password12345',
  'password01', 'password!1', 'passw0rd123', 'p@ssw0rd123', 'p@ssword123', 'mypassword', 'mypassword1', 'newpassword',
  'yourpassword', 'changeme123', 'changeme!!', 'welcome123', 'welcome1234', 'welcome2024', 'welcome2025', 'welcome2026',
  'letmein123', 'letmein1234', 'iloveyou12', 'iloveyou123', 'iloveyou1234', 'princess12', 'princess123', 'sunshine12',
  'sunshine123', 'football12', 'football123', 'baseball12', 'baseball123', 'basketball', 'basketball1', 'superman12',
  'superman123', 'michael123', 'jennifer123', 'trustno1234', 'starwars123', 'dragon1234', 'monkey1234', 'shadow1234',
  'master1234', 'administrator', 'admin12345', 'admin123456', 'adminadmin', 'administrator1', 'rootroot12', 'test123456',
  'testtest12', 'abcdefghij', 'abcdefghijk', 'abcd123456', 'abc1234567', 'abcabcabc1', 'aaaaaaaaaa', 'qqqqqqqqqq',
  'summer2024', 'summer2025', 'summer2026', 'winter2024', 'winter2025', 'winter2026', 'spring2025', 'autumn2025',
  'company123', 'computer123', 'internet123', 'flowledger', 'flowledger1', 'flowledger123', 'secret1234', 'security1',
]);

/** Why `password` is refused, or undefined when it may be used. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `Passwords need at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Passwords have at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'This password is one of the most common ones; choose another';
  if (email && (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0])) return 'The password cannot be your email address';
  return undefined;
}
