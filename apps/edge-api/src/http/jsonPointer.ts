/**
 * RFC 6901 JSON pointer of a path into a document, e.g. `['items', 3, 'window']` →
 * `/items/3/window` (`~` and `/` in keys escaped as `~0` and `~1`); `[]` → `''` (the root).
 */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
