import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { jsonBody } from './jsonBody.js';
import { ApiError, problemResponse } from './problem.js';

const LIMIT = 1024;

/**
 * A route declared like the API's POST routes: `jsonBody` as route middleware, then the validator
 * @hono/zod-openapi generates (its own media-type gate and JSON parse). Any error that is not the
 * project's `ApiError` answers 599, so a check Hono makes on its own shows.
 */
const app = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'post',
      path: '/echo',
      middleware: [jsonBody(LIMIT)] as const,
      request: {
        body: {
          required: true,
          content: { 'application/json': { schema: z.object({ n: z.number() }) } },
        },
      },
      responses: { 200: { description: 'The body, parsed.' } },
    }),
    (c) => c.json(c.req.valid('json'), 200),
  )
  .onError((error) =>
    error instanceof ApiError
      ? problemResponse(error.problem)
      : new Response(`not the project's check: ${String(error)}`, { status: 599 }),
  );

function post(body: BodyInit, contentType?: string): Promise<Response> {
  const headers: Record<string, string> = contentType ? { 'Content-Type': contentType } : {};
  return Promise.resolve(app.request('/echo', { method: 'POST', headers, body }));
}

async function expectProblem(response: Response, status: number, detail: RegExp): Promise<void> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect((JSON.parse(text) as { detail: string }).detail).toMatch(detail);
}

describe('jsonBody', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json ; charset=utf-8',
    'application/json\t;charset=UTF-8',
    'Application/JSON',
  ])('admits %s, and the validator that follows agrees', async (contentType) => {
    const response = await post('{"n": 1.5}', contentType);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ n: 1.5 });
  });

  it.each([
    ['text/plain', /application\/json, not text\/plain/],
    ['application/vnd.api+json', /not application\/vnd\.api\+json/],
    ['application/jsonp', /not application\/jsonp/],
  ])('answers 415 problem details to %s', async (contentType, detail) => {
    await expectProblem(await post('{"n": 1}', contentType), 415, detail);
  });

  it('answers 415 problem details to a body without Content-Type', async () => {
    await expectProblem(await post(new TextEncoder().encode('{"n": 1}')), 415, /missing/);
  });

  it('answers 413 to a body over the limit, before parsing it', async () => {
    await expectProblem(await post(`{"n": 1${' '.repeat(LIMIT)}`, 'application/json'), 413, /1024/);
  });

  it('answers 413 to a streamed body over the limit', async () => {
    const bytes = new TextEncoder().encode(`{"n": 1${' '.repeat(LIMIT)}}`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 600));
        controller.enqueue(bytes.subarray(600));
        controller.close();
      },
    });
    await expectProblem(
      await post(stream, 'application/json ; charset=utf-8'),
      413,
      /exceeds the limit of 1024 bytes/,
    );
  });

  it.each([
    ['truncated JSON', '{"n": ', /not valid JSON/],
    ['a bare NaN', '{"n": NaN}', /NaN and Infinity are not JSON numbers/],
    ['an empty body', '', /empty/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), /not valid UTF-8/],
  ] as const)('answers 400 problem details to %s', async (_label, body, detail) => {
    await expectProblem(await post(body, 'application/json ; charset=utf-8'), 400, detail);
  });

  it.each([
    ['with', { 'Content-Length': '100' }],
    ['without', {}],
  ] as const)(
    'answers 400 problem details to a body that breaks off, %s a declared length',
    async (_label, declared) => {
      // What the runtime hands the worker when the client disconnects mid-upload or its chunked
      // framing is malformed: a body stream that errors part-way.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"n": '));
          controller.error(new Error('Network connection lost.'));
        },
      });
      const response = await app.request('/echo', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...declared },
        body: stream,
      });
      await expectProblem(response, 400, /ended before it was complete/);
    },
  );
});
