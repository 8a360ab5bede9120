import { describe, expect, it } from 'vitest';
import { jsonPointer } from './jsonPointer.js';

describe('jsonPointer', () => {
  it('joins keys and indices, escaping ~ and / as RFC 6901 §3 says', () => {
    // RFC 6901 §5's examples: "/a~1b" for key "a/b", "/m~0n" for key "m~n".
    expect(jsonPointer(['a/b'])).toBe('/a~1b');
    expect(jsonPointer(['m~n'])).toBe('/m~0n');
    expect(jsonPointer(['items', 3, 'window', 11])).toBe('/items/3/window/11');
    expect(jsonPointer([])).toBe('');
  });
});
