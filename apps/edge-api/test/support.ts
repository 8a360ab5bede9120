/**
 * Shared fixtures of the workerd tests: the bundled registry read independently of the app (so
 * expected values come from the trainer's files, not from the code under test), and request and
 * assertion helpers.
 */

import { SELF } from 'cloudflare:test';
import { parseMonthlyCsv, WINDOW_LENGTH } from '@gatecast/core';
import { parseManifest, parseResults } from '@gatecast/core/registry';
import wasmModule from '@gatecast/kernels/kernels.wasm';
import { expect } from 'vitest';
import { createApp } from '../src/app.js';
import { registryBundle } from '../src/registry.generated.js';
import { resultsText } from './results.generated.js';

/** The trainer's manifest, parsed with core's registry schema (the figures are the trainer's). */
export const manifest = parseManifest(JSON.parse(registryBundle.manifestText));

/** The trainer's `results.json`: `[184]` test targets and each model's predictions and intervals. */
export const results = parseResults(JSON.parse(resultsText));

/** The bundled series (1950-01 .. 2026-05), index points. */
export const series = parseMonthlyCsv(registryBundle.seriesCsv);

/** The last 12 closes: the input of every canonical forecast. */
export const latestWindow = series.values.slice(-WINDOW_LENGTH);

/** The 12 closes before the month `target` (`YYYY-MM-01`), oldest first. */
export function windowBefore(target: string): number[] {
  const index = series.dates.indexOf(target);
  if (index < WINDOW_LENGTH) throw new Error(`no ${WINDOW_LENGTH} months before ${target}`);
  return series.values.slice(index - WINDOW_LENGTH, index);
}

/** Asserts `actual` is within `tolerance` of `expected`, relative to |expected|. */
export function expectRelativelyClose(actual: unknown, expected: number, tolerance = 1e-4): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    tolerance * Math.abs(expected),
  );
}

const ORIGIN = 'http://gatecast.test';

/** A request to the worker under test (src/index.ts, the wasm engine), through SELF. */
export function api(path: string, init?: RequestInit): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, init);
}

/**
 * The worker's own app on the wasm engine, called directly rather than through SELF: for the
 * fuzz and soak tests' thousands of requests, because SELF.fetch in the workers pool slows down
 * with every request it has served (quadratically over thousands), which the app does not.
 */
export function directApi(): (path: string, init?: RequestInit) => Promise<Response> {
  const app = createApp({
    registry: registryBundle,
    engine: { preferred: 'wasm', wasmModule },
    eager: true,
  });
  return (path, init) => Promise.resolve(app.request(`${ORIGIN}${path}`, init));
}

/** Builds a POST with a JSON body (a string is sent as is, for malformed bodies). */
export function jsonPost(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** A problem details body as the API sends it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { pointer: string; detail: string }[];
}

/**
 * Asserts an RFC 9457 response: status, `application/problem+json`, every member, a detail
 * matching `detail`, and nothing that looks like a stack trace or a file path.
 */
export async function expectProblem(
  response: Response,
  status: number,
  detail: RegExp,
): Promise<ProblemBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = JSON.parse(text) as ProblemBody;
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^tag:gatecast,2026:problem:[a-z-]+$/);
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail).toMatch(detail);
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\/work\/|node_modules|file:\/\//);
  return body;
}
