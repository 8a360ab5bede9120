/**
 * A bounded HTTP load test: `connections` loops, each sending the same request back to back for
 * `seconds`, over keep-alive connections (Node's fetch). Only for 127.0.0.1.
 */

/** What one load test measured; latencies are per request, in ms. */
export interface LoadTestResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests that failed at the network level. */
  errors: number;
  /** Requests answered with a status other than 200. */
  non200: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/**
 * @throws Error for a URL that is not on 127.0.0.1.
 */
export async function loadTest(options: {
  url: string;
  init?: RequestInit;
  seconds: number;
  connections: number;
}): Promise<LoadTestResult> {
  if (new URL(options.url).hostname !== '127.0.0.1')
    throw new Error('load tests run only against 127.0.0.1');
  const latencies: number[] = [];
  let errors = 0;
  let non200 = 0;
  const start = performance.now();
  const deadline = start + options.seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const response = await fetch(options.url, options.init);
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (response.status !== 200) non200++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    errors,
    non200,
  };
}
