import { isIP } from 'node:net';

/**
 * Where an IP address leads. `loopback` is this computer, `private` a local network (RFC 1918,
 * carrier-grade NAT, IPv6 unique-local), `link-local` the local link (169.254/16, fe80::/10, where
 * cloud metadata services live); `reserved` is never a place to fetch from (multicast, broadcast).
 */
export type AddressClass = 'public' | 'private' | 'loopback' | 'link-local' | 'reserved';

/** The class of an IP address (brackets and zone ids allowed); anything that is no address is `reserved`. */
export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const version = isIP(ip);
  if (version === 4) return classifyV4(parseV4(ip));
  if (version === 6) return classifyV6(parseV6(ip));
  return 'reserved';
}

/** Whether a host name (as in a URL, brackets kept) is an IP literal rather than a name. */
export function isIpLiteral(hostname: string): boolean {
  return isIP(hostname.replace(/^\[|\]$/g, '')) !== 0;
}

function parseV4(ip: string): number[] {
  return ip.split('.').map(Number);
}

function classifyV4([a = 0, b = 0, c = 0, d = 0]: number[]): AddressClass {
  // 0.0.0.0/8 reaches this computer on Linux and macOS, so it counts as loopback.
  if (a === 127 || a === 0) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  if (a === 198 && (b === 18 || b === 19)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 || (a === 255 && b === 255 && c === 255 && d === 255)) return 'reserved';
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (with `::` expanded and a dotted IPv4 tail read). */
function parseV6(ip: string): number[] {
  let text = ip.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = parseV4(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const fill = rest === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => parseInt(group, 16) || 0);
}

function classifyV6(g: number[]): AddressClass {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const v4 = (hi: number, lo: number): AddressClass => classifyV4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const zeroHead = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroHead && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach the IPv4 host.
  if (zeroHead && (g5 === 0xffff || g5 === 0)) return v4(g6, g7);
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address too.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return v4(g6, g7);
  if (g0 === 0x2002) return v4(g1, g2);
  if ((g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfec0) return 'private';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xff00) === 0xff00) return 'reserved';
  return 'public';
}
