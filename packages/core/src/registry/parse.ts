/** Parsing a registry file: the schema, and an error that names the file and the first issue. */
import type { z } from 'zod';
import { type Intervals, intervalsSchema } from './intervals.js';
import { type Manifest, manifestSchema } from './manifest.js';
import { type Results, resultsSchema } from './results.js';

/** A registry file that is not what this reader knows: wrong format, version, or shape. */
export class RegistryFormatError extends Error {
  override readonly name = 'RegistryFormatError';
}

/**
 * One zod issue as `path: message`, e.g. `models.0.intervals.80.halfWidthScaled: Invalid input:
 * expected number, received null`.
 */
export function describeIssue(issue: { path: readonly PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * Parses `json` with `schema`.
 *
 * @param file the file's name for the message, e.g. `manifest.json`
 * @throws {RegistryFormatError} `<file> is invalid: <path>: <message>` for the first issue
 */
export function parseRegistryFile<S extends z.ZodType>(
  schema: S,
  json: unknown,
  file: string,
): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new RegistryFormatError(`${file} is invalid: ${first ? describeIssue(first) : 'unknown'}`);
}

/**
 * Parses a `manifest.json` (already `JSON.parse`d).
 *
 * @throws {RegistryFormatError} naming the first issue
 */
export function parseManifest(json: unknown): Manifest {
  return parseRegistryFile(manifestSchema, json, 'manifest.json');
}

/**
 * Parses a `results.json` (already `JSON.parse`d).
 *
 * @throws {RegistryFormatError} naming the first issue
 */
export function parseResults(json: unknown): Results {
  return parseRegistryFile(resultsSchema, json, 'results.json');
}

/**
 * Parses an `intervals.json` (already `JSON.parse`d).
 *
 * @throws {RegistryFormatError} naming the first issue
 */
export function parseIntervals(json: unknown): Intervals {
  return parseRegistryFile(intervalsSchema, json, 'intervals.json');
}
