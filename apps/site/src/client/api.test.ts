import { describe, expect, it } from 'vitest';
import { ApiProblem, parseForecastResponse, postForecast, readProblem } from './api.js';

const problemJson = { 'content-type': 'application/problem+json' };

describe('readProblem', () => {
  it('reads an RFC 9457 problem document with its field errors', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'tag:gatecast,2026:problem:invalid-body',
        title: 'Invalid request body',
        status: 422,
        detail: 'the window is not valid',
        errors: [{ pointer: '/window', detail: 'must hold exactly 12 monthly closes, got 11' }],
      }),
      { status: 422, headers: problemJson },
    );
    const problem = await readProblem(response);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(422);
    expect(problem.title).toBe('Invalid request body');
    expect(problem.detail).toBe('the window is not valid');
    expect(problem.errors).toEqual([
      { pointer: '/window', detail: 'must hold exactly 12 monthly closes, got 11' },
    ]);
  });
  it('falls back to the status line and the text of a non-JSON error', async () => {
    const problem = await readProblem(
      new Response('upstream down', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(problem.title).toBe('Bad Gateway');
    expect(problem.detail).toBe('upstream down');
  });
});

describe('parseForecastResponse', () => {
  const body = {
    model: 'lstm-32@relative',
    asOf: null,
    target: null,
    forecast: 7554.2,
    intervals: { '80': [7195.7, 7930.7], '95': null },
    unit: 'points',
    engine: 'wasm',
  };
  it('accepts a bare-window forecast with an unbounded interval', () => {
    expect(parseForecastResponse(body)).toEqual(body);
  });
  it('refuses a body without a forecast', () => {
    expect(() => parseForecastResponse({ ...body, forecast: '7554' })).toThrow(ApiProblem);
    expect(() => parseForecastResponse(null)).toThrow(/without a forecast/);
  });
});

describe('postForecast', () => {
  it('posts the window as JSON to /v1/forecast', async () => {
    let seen: { url: string; init: RequestInit | undefined } | undefined;
    const fetchStub: typeof fetch = async (url, init) => {
      seen = { url: String(url), init };
      return Response.json({
        model: 'gru-8@relative',
        asOf: null,
        target: null,
        forecast: 1,
        intervals: { '80': [0, 2], '95': [-1, 3] },
        unit: 'points',
        engine: 'wasm',
      });
    };
    const answer = await postForecast({ model: 'gru-8@relative', window: [1, 2] }, fetchStub);
    expect(answer.forecast).toBe(1);
    expect(seen?.url).toBe('/v1/forecast');
    expect(seen?.init?.method).toBe('POST');
    expect(JSON.parse(String(seen?.init?.body))).toEqual({
      model: 'gru-8@relative',
      window: [1, 2],
    });
  });
  it('turns an error answer into an ApiProblem and a network failure into status 0', async () => {
    const refusing: typeof fetch = async () =>
      new Response(JSON.stringify({ title: 'Unknown model', status: 404, detail: 'no x' }), {
        status: 404,
        headers: problemJson,
      });
    await expect(postForecast({ window: [] }, refusing)).rejects.toMatchObject({
      status: 404,
      detail: 'no x',
    });
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(postForecast({ window: [] }, offline)).rejects.toMatchObject({
      status: 0,
      title: 'API unreachable',
    });
  });
});
