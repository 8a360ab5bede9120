/**
 * The rate-limit key of a client: its address as Cloudflare's edge reports it in
 * `CF-Connecting-IP` (the local front door sets it from the socket). An IPv4 address is its own
 * key; an IPv6 address is keyed by its /64, the smallest block an ISP hands a customer (RFC 6177
 * §2), so a client cannot step around its limit by walking through its own prefix. An IPv4-mapped
 * IPv6 address (`::ffff:192.0.2.1`) is the IPv4 address.
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

/** The 8 hextets of an IPv6 address in any RFC 4291 §2.2 text form, or `undefined`. */
function ipv6Hextets(address: string): number[] | undefined {
  let text = address;
  const tail: number[] = [];
  // An IPv4 address in the last 32 bits (`::ffff:192.0.2.1`, `64:ff9b::192.0.2.1`).
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    if (!IPV4.test(last)) return undefined;
    const [a, b, c, d] = last.split('.').map(Number) as [number, number, number, number];
    tail.push((a << 8) | b, (c << 8) | d);
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0] as string);
  const rest = halves.length === 2 ? groups(halves[1] as string) : [];
  if (![...head, ...rest].every((g) => HEXTET.test(g))) return undefined;
  const hex = (gs: string[]) => gs.map((g) => Number.parseInt(g, 16));
  const width = 8 - tail.length;
  if (halves.length === 1) return head.length === width ? [...hex(head), ...tail] : undefined;
  const missing = width - head.length - rest.length;
  if (missing < 1) return undefined;
  return [...hex(head), ...new Array<number>(missing).fill(0), ...hex(rest), ...tail];
}

/**
 * The key a client's requests are counted under, from its `CF-Connecting-IP`: `192.0.2.1`,
 * `2001:db8:85a3:8d3::/64`; a value that is no address is keyed as it is (at most 64 characters).
 *
 * @returns `undefined` without an address (a request that did not come through Cloudflare's edge
 *   or the local front door: tests calling the worker directly), which is not rate limited.
 * @example clientKey('2001:db8:85a3:8d3:1319:8a2e:370:7348') // => '2001:db8:85a3:8d3::/64'
 */
export function clientKey(address: string | null | undefined): string | undefined {
  const text = address?.trim();
  if (!text) return undefined;
  if (IPV4.test(text)) return text;
  const hextets = text.includes(':') ? ipv6Hextets(text) : undefined;
  if (!hextets) return `raw:${text.slice(0, 64)}`;
  const mapped = hextets.slice(0, 6).every((h, i) => (i === 5 ? h === 0xffff : h === 0));
  if (mapped) {
    const [hi, lo] = [hextets[6] as number, hextets[7] as number];
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${hextets
    .slice(0, 4)
    .map((h) => h.toString(16))
    .join(':')}::/64`;
}
