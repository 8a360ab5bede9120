/**
 * The served document is the contract. Inside workerd: the document's own promises (lengths,
 * one-of, caching, the served ids, examples that are real answers and valid against their
 * schemas), then requests generated from the document itself (fast-check arbitraries of its
 * parameter and body schemas, each checked valid with ajv before it is sent): every one answers
 * 200 or a 4xx its operation documents, with a body valid against the document, and a GET
 * repeated with `If-None-Match` answers 304 exactly when it answered 200.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentContract, type DocumentOperation } from './documentContract.js';
import { schemaArbitrary } from './schemaArbitrary.js';
import { directApi, manifest, series } from './support.js';

const api = directApi();
let contract: DocumentContract;
type Json = Record<string, unknown>;

beforeAll(async () => {
  const response = await api('/openapi.json');
  expect(response.status).toBe(200);
  contract = new DocumentContract((await response.json()) as Json);
});

const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], value);

describe('the served document', () => {
  it('compiles every component schema with ajv (2020-12), each $ref resolved', () => {
    const schemas = at(contract.document, 'components', 'schemas') as Json;
    expect(Object.keys(schemas).length).toBeGreaterThan(10);
    for (const name of Object.keys(schemas)) {
      expect(() => contract.schemaErrors(`/components/schemas/${name}`, null), name).not.toThrow();
    }
  });

  it('has its examples from real answers, each valid against its schema', () => {
    let examples = 0;
    for (const op of contract.operations) {
      for (const [status, response] of Object.entries(op.operation.responses as Json)) {
        for (const [type, media] of Object.entries((at(response, 'content') ?? {}) as Json)) {
          const example = at(media, 'example');
          if (example === undefined) continue;
          examples++;
          const pointer = `/paths/${op.path.replaceAll('/', '~1')}/${op.method.toLowerCase()}/responses/${status}/content/${type.replaceAll('/', '~1')}/schema`;
          expect(
            contract.schemaErrors(pointer, example),
            `${op.method} ${op.path} ${status}`,
          ).toEqual([]);
        }
      }
    }
    expect(examples).toBeGreaterThanOrEqual(9);
    const forecast = at(
      contract.document,
      'paths',
      '/v1/forecast',
      'get',
      'responses',
      '200',
      'content',
      'application/json',
      'example',
    ) as Json;
    expect(forecast.asOf).toBe(manifest.models[0]?.forecast.asOf);
    expect(forecast.asOf).toBe('2026-05-01');
    expect(forecast.target).toBe('2026-06-01');
  });

  it('has request examples made of the series’ real closes', () => {
    const closeOn = new Map(series.dates.map((date, i) => [date, series.values[i] as number]));
    const joined = `,${series.values.join(',')},`;
    let windows = 0;
    let dated = 0;
    const visit = (node: unknown, key: string): void => {
      if (Array.isArray(node)) {
        if (key === 'window' || (node.length === 12 && node.every((v) => typeof v === 'number'))) {
          windows++;
          expect(joined, `window ${JSON.stringify(node)}`).toContain(`,${node.join(',')},`);
        }
        for (const item of node) visit(item, '');
        return;
      }
      if (node === null || typeof node !== 'object') return;
      const { date, close } = node as { date?: unknown; close?: unknown };
      if (typeof date === 'string' && typeof close === 'number') {
        dated++;
        expect(close, date).toBe(closeOn.get(date));
      }
      for (const [k, child] of Object.entries(node)) visit(child, k);
    };
    for (const schema of Object.values(at(contract.document, 'components', 'schemas') as Json)) {
      visit(at(schema, 'example'), '');
    }
    expect(windows).toBeGreaterThanOrEqual(3);
    expect(dated).toBeGreaterThanOrEqual(12);
  });

  it('lists the served ids as ModelId, servers, no security, operationIds', () => {
    const ids = at(contract.document, 'components', 'schemas', 'ModelId', 'enum');
    expect(ids).toEqual(manifest.models.map((m) => m.id));
    const servers = contract.document.servers as { url: string; description: string }[];
    expect(servers[0]?.url).toBe('http://127.0.0.1:8787');
    expect(servers[1]?.description).toMatch(/placeholder/i);
    expect(contract.document.security).toEqual([]);
    const operationIds = contract.operations.map((op) => op.operation.operationId);
    expect(operationIds.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('says a window holds exactly 12 closes and a request exactly one of window or history', () => {
    const window = at(contract.document, 'components', 'schemas', 'Window') as Json;
    expect([window.minItems, window.maxItems]).toEqual([12, 12]);
    const request = at(contract.document, 'components', 'schemas', 'ForecastRequest') as Json;
    expect(request.oneOf).toEqual([
      { required: ['window'], title: 'window' },
      { required: ['history'], title: 'history' },
    ]);
    expect(request.additionalProperties).toBe(false);
  });

  it('declares If-None-Match, ETag, Cache-Control and 304 on every cached GET', () => {
    const gets = contract.operations.filter((op) => op.method === 'GET');
    expect(gets.length).toBeGreaterThanOrEqual(5);
    for (const op of gets) {
      const responses = op.operation.responses as Json;
      expect(Object.keys(at(responses, '200', 'headers') as Json).sort(), op.path).toEqual([
        'Cache-Control',
        'ETag',
      ]);
      expect(at(responses, '304', 'headers', 'ETag'), op.path).toBeDefined();
      const parameters = op.operation.parameters as { in: string; name: string }[];
      expect(parameters.some((p) => p.in === 'header' && /^if-none-match$/i.test(p.name))).toBe(
        true,
      );
    }
  });
});

/** A request generated for an operation: its URL and init. */
interface Generated {
  url: string;
  init: RequestInit;
}

/** An arbitrary of schema-valid requests to one operation. */
function requestsFor(op: DocumentOperation): fc.Arbitrary<Generated> {
  const document = contract.document;
  const parameters = ((op.operation.parameters ?? []) as Json[]).filter((p) => p.in !== 'header');
  const values = Object.fromEntries(
    parameters.map((p) => [p.name as string, schemaArbitrary(document, p.schema as Json)]),
  );
  const required = parameters.filter((p) => p.required === true).map((p) => p.name as string);
  const params = fc.record(values, { requiredKeys: required });
  const bodySchema = at(op.operation, 'requestBody', 'content', 'application/json', 'schema') as
    | Json
    | undefined;
  const body = bodySchema ? schemaArbitrary(document, bodySchema) : fc.constant(undefined);
  return fc.tuple(params, body).map(([p, b]) => {
    let path = op.path;
    const query = new URLSearchParams();
    for (const parameter of parameters) {
      const value = (p as Json)[parameter.name as string];
      if (value === undefined) continue;
      if (parameter.in === 'path') {
        path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
      } else {
        for (const v of Array.isArray(value) ? value : [value]) {
          query.append(parameter.name as string, String(v));
        }
      }
    }
    const search = query.toString();
    const init: RequestInit =
      b === undefined
        ? { method: op.method }
        : {
            method: op.method,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(b),
          };
    return { url: `${path}${search ? `?${search}` : ''}`, init };
  });
}

const counts = { generated: 0, byStatus: new Map<number, number>(), serverErrors: 0, invalid: 0 };
afterAll(() => {
  const statuses = [...counts.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.log(
    `contract: ${counts.generated} requests generated from the document (${statuses.join(', ')}); ` +
      `${counts.serverErrors} 5xx; ${counts.invalid} answers outside the document`,
  );
});

/** Sends a generated request and holds its answer to the document. */
async function checkAnswer(op: DocumentOperation, request: Generated): Promise<Response> {
  const response = await api(request.url, request.init);
  const text = await response.clone().text();
  counts.generated++;
  counts.byStatus.set(response.status, (counts.byStatus.get(response.status) ?? 0) + 1);
  if (response.status >= 500) counts.serverErrors++;
  const label = `${request.init.method} ${request.url} ${String(request.init.body ?? '').slice(0, 300)}`;
  expect(response.status, `${label}\n${text.slice(0, 500)}`).toBeLessThan(500);
  expect(
    response.status === 200 || response.status in (op.operation.responses as Json),
    `${label}: ${response.status} is not documented`,
  ).toBe(true);
  const problems = contract.responseProblems(
    request.init.method ?? 'GET',
    request.url,
    response.status,
    response.headers.get('content-type'),
    text,
  );
  if (problems.length > 0) counts.invalid++;
  expect(problems, label).toEqual([]);
  return response;
}

describe('requests generated from the document', () => {
  it('answers every schema-valid request 200 or a documented 4xx, within the document', async () => {
    for (const op of contract.operations) {
      const runs = op.method === 'GET' ? 150 : 300;
      let ok = 0;
      await fc.assert(
        fc.asyncProperty(requestsFor(op), async (request) => {
          const response = await checkAnswer(op, request);
          if (response.status === 200) ok++;
        }),
        { numRuns: runs, endOnFailure: true },
      );
      // The generator reaches real forecasts, not only refusals.
      if (/^\/(v1\/(forecast|compare|models)|health)/.test(op.path)) {
        expect(ok, `${op.method} ${op.path}: 200s`).toBeGreaterThan(runs / 10);
      }
    }
  }, 600_000);

  it('answers 304 to If-None-Match exactly where the request would have been a 200', async () => {
    const gets = contract.operations.filter((op) => op.method === 'GET');
    for (const op of gets) {
      await fc.assert(
        fc.asyncProperty(requestsFor(op), fc.boolean(), async (request, star) => {
          const plain = await checkAnswer(op, request);
          const etag = plain.headers.get('etag');
          const conditional = await api(request.url, {
            ...request.init,
            headers: { 'If-None-Match': star || !etag ? '*' : etag },
          });
          if (plain.status === 200) {
            expect(conditional.status).toBe(304);
            expect(conditional.headers.get('etag')).toBe(etag);
            expect(conditional.headers.get('cache-control')).toBe(
              plain.headers.get('cache-control'),
            );
            expect(await conditional.text()).toBe('');
          } else {
            expect(conditional.status).toBe(plain.status);
            expect(conditional.headers.get('content-type')).toBe('application/problem+json');
          }
        }),
        { numRuns: 60, endOnFailure: true },
      );
    }
    // The validation a 304 must not skip: an unknown model, a bad query.
    for (const url of [
      '/v1/forecast?model=nope',
      '/v1/forecast?horizon=13',
      '/v1/models/nope',
      '/v1/compare?level=101',
    ]) {
      const response = await api(url, { headers: { 'If-None-Match': '*' } });
      expect([404, 422], url).toContain(response.status);
    }
  }, 300_000);
});
