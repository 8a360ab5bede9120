import { describe, expect, it } from 'vitest';
import { logTicks } from './historyChart.js';

describe('logTicks', () => {
  it('puts ticks at 1, 2 and 5 times each power of ten inside the range', () => {
    expect(logTicks(17, 9000)).toEqual([20, 50, 100, 200, 500, 1000, 2000, 5000]);
    expect(logTicks(1, 10)).toEqual([1, 2, 5, 10]);
    expect(logTicks(0.3, 0.9)).toEqual([0.5]);
  });
});
