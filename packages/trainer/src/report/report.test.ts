import { describe, expect, it } from 'vitest';
import { meanSd } from './summary.js';

describe('meanSd', () => {
  it('matches numpy mean and std(ddof=1)', () => {
    // python3 -c "import numpy as np; a=[118.2,121.5,119.9,120.4,117.7]; print(np.mean(a), np.std(a, ddof=1))"
    const { mean, sd } = meanSd([118.2, 121.5, 119.9, 120.4, 117.7]);
    expect(mean).toBeCloseTo(119.54, 12);
    expect(sd).toBeCloseTo(1.5725775020646833, 12);
    expect(meanSd([3])).toEqual({ mean: 3, sd: 0 });
  });
});
