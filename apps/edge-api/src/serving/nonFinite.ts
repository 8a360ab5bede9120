/**
 * The first number in `value` (at any depth) that is not finite, with its RFC 6901 pointer from
 * `value`, e.g. `{ pointer: '/path/3/quantiles/0.995', value: Infinity }`; `undefined` when every
 * number is finite. JSON has no NaN or Infinity (`JSON.stringify` writes them as `null`), so a
 * response must be checked before it is serialized.
 */
export function firstNonFinite(
  value: unknown,
  pointer = '',
): { pointer: string; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { pointer, value };
  if (value === null || typeof value !== 'object') return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? [...value.entries()]
    : Object.entries(value);
  for (const [key, child] of entries) {
    const escaped = String(key).replaceAll('~', '~0').replaceAll('/', '~1');
    const found = firstNonFinite(child, `${pointer}/${escaped}`);
    if (found) return found;
  }
  return undefined;
}
