/**
 * Checks that named series can be scored together: all non-empty, of one length, finite.
 * Shared by every metric so that they all fail the same way.
 *
 * @param metric - Name of the calling metric, used in the error message.
 * @param series - The series by argument name, e.g. `{ actual, predicted }`.
 * @throws Error if a series is empty, the lengths differ, or a value is not finite.
 * @internal
 */
export function checkSeries(metric: string, series: Record<string, ArrayLike<number>>): void {
  const entries = Object.entries(series);
  const [firstName, first] = entries[0] ?? ['', { length: 0 }];
  for (const [name, values] of entries) {
    if (values.length !== first.length) {
      const counts = `${firstName} has ${first.length} values, ${name} has ${values.length}`;
      throw new Error(`${metric}: length mismatch (${counts})`);
    }
  }
  if (first.length === 0) {
    throw new Error(`${metric}: empty input`);
  }
  for (const [name, values] of entries) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new Error(`${metric}: ${name}[${i}] is not finite (${values[i]})`);
      }
    }
  }
}
