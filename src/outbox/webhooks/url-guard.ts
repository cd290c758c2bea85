/**
 * Webhook URLs must not reach into our own network (SSRF): a URL whose host resolves to loopback,
 * private, link-local, CGNAT, multicast or otherwise reserved addresses is refused unless
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS=true. Every resolved address is checked (a name with one public
 * and one private address is refused), and the check runs again at connect time through the
 * socket's own lookup, so DNS that changes after registration (rebinding) cannot slip through.
 */
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const lower = address.toLowerCase();
    // IPv4-mapped / -compatible forms (::ffff:127.0.0.1) are judged by their IPv4 address.
    const mapped = /^(?:::ffff:(?:0:)?|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
    if (hexMapped) {
      const hi = parseInt(hexMapped[1]!, 16);
      const lo = parseInt(hexMapped[2]!, 16);
      return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
    }
    return blocked.check(address, 'ipv6');
  }
  return true; // not an address at all: refuse
}

export class UrlNotAllowed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UrlNotAllowed';
  }
}

function resolveAll(host: string): Promise<Array<{ address: string; family: number }>> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });
}

/** Resolves the URL's host and throws UrlNotAllowed naming the problem, or returns the addresses. */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<string[]> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlNotAllowed('url must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UrlNotAllowed('url must use http or https');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await resolveAll(host)).map((a) => a.address);
  } catch (err) {
    throw new UrlNotAllowed(`url host ${host} cannot be resolved (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (addresses.length === 0) throw new UrlNotAllowed(`url host ${host} has no address`);
  if (!allowPrivate) {
    const bad = addresses.filter(isPrivateAddress);
    if (bad.length > 0) {
      throw new UrlNotAllowed(
        `url host ${host} resolves to a loopback/private address (${bad.join(', ')}); set WEBHOOK_ALLOW_PRIVATE_NETWORKS=true to allow it`,
      );
    }
  }
  return addresses;
}

/** A socket lookup that refuses private addresses: the connect-time half of the check. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as Array<{ address: string; family: number }>;
      if (!allowPrivate) {
        const bad = list.find((a) => isPrivateAddress(a.address));
        if (bad) return callback(new UrlNotAllowed(`${hostname} resolves to a private address (${bad.address})`), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new UrlNotAllowed(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
