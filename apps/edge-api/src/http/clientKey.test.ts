import { describe, expect, it } from 'vitest';
import { clientKey } from './clientKey.js';

describe('clientKey', () => {
  it('keys an IPv4 address by itself', () => {
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey(' 127.0.0.1 ')).toBe('127.0.0.1');
  });

  it('keys an IPv6 address by its /64, whatever text form it comes in (RFC 4291 §2.2)', () => {
    // RFC 4291 §2.2's own examples: the full, the compressed and the mixed forms.
    expect(clientKey('2001:DB8:0:0:8:800:200C:417A')).toBe('2001:db8:0:0::/64');
    expect(clientKey('2001:DB8::8:800:200C:417A')).toBe('2001:db8:0:0::/64');
    expect(clientKey('FF01::101')).toBe('ff01:0:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('::')).toBe('0:0:0:0::/64');
    expect(clientKey('0:0:0:0:0:0:13.1.68.3')).toBe('0:0:0:0::/64');
    expect(clientKey('::13.1.68.3')).toBe('0:0:0:0::/64');
    // Two addresses of one /64 share a key; the next /64 does not.
    const a = clientKey('2001:db8:85a3:8d3:1319:8a2e:370:7348');
    expect(a).toBe('2001:db8:85a3:8d3::/64');
    expect(clientKey('2001:db8:85a3:08d3::1')).toBe(a);
    expect(clientKey('2001:db8:85a3:8d4::1')).not.toBe(a);
  });

  it('keys an IPv4-mapped IPv6 address (RFC 4291 §2.5.5.2) as the IPv4 address', () => {
    expect(clientKey('::ffff:129.144.52.38')).toBe('129.144.52.38');
    expect(clientKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(clientKey('0:0:0:0:0:ffff:8190:3426')).toBe('129.144.52.38');
  });

  it('keys anything else as it is, cut to 64 characters, and nothing without an address', () => {
    expect(clientKey('1:2:3:4:5:6:7:8:9')).toBe('raw:1:2:3:4:5:6:7:8:9');
    expect(clientKey('2001:db8::1::2')).toBe('raw:2001:db8::1::2');
    expect(clientKey('::ffff:300.1.1.1')).toBe('raw:::ffff:300.1.1.1');
    expect(clientKey('256.1.1.1')).toBe('raw:256.1.1.1');
    expect(clientKey('x'.repeat(100))).toBe(`raw:${'x'.repeat(64)}`);
    expect(clientKey(undefined)).toBeUndefined();
    expect(clientKey(null)).toBeUndefined();
    expect(clientKey('  ')).toBeUndefined();
  });
});
