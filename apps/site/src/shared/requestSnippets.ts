/**
 * "Try it"'s request written out for use outside the page: as a curl command and as a call of the
 * typed client `@gatecast/client` (openapi-fetch over the API's OpenAPI document). The page sends
 * the same body (`forecastRequestBody`), so the snippets are what it sent.
 */

/** The body of `POST /v1/forecast` for a window: the model's id and monthly levels, oldest first. */
export interface ForecastRequestBody {
  model: string;
  window: number[];
}

/** Where `npm start` serves the API and the site; the static page's snippets address it. */
export const LOCAL_ORIGIN = 'http://127.0.0.1:8787';

/** The path "Try it" posts to. */
export const FORECAST_PATH = '/v1/forecast';

/** The body "Try it" posts, in the API's field order. */
export function forecastRequestBody(model: string, window: readonly number[]): ForecastRequestBody {
  return { model, window: [...window] };
}

/**
 * Quotes `text` for a POSIX shell: single quotes, each `'` inside written as `'\''`.
 *
 * @example shellQuote("it's") // => "'it'\\''s'"
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The curl command that sends `body` to the API at `origin` (e.g. `https://example.org`).
 *
 * @example curlCommand('http://127.0.0.1:8787', { model: 'gru-8@relative', window: [1, 2] })
 * // => "curl -X POST 'http://127.0.0.1:8787/v1/forecast' \\\n  -H 'content-type: application/json' \\\n  -d '{\"model\":\"gru-8@relative\",\"window\":[1,2]}'"
 */
export function curlCommand(origin: string, body: ForecastRequestBody): string {
  return [
    `curl -X POST ${shellQuote(`${origin}${FORECAST_PATH}`)}`,
    `  -H ${shellQuote('content-type: application/json')}`,
    `  -d ${shellQuote(JSON.stringify(body))}`,
  ].join(' \\\n');
}

/** A string as a TypeScript literal in single quotes. */
function tsString(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * The same request through the typed client, as TypeScript source: create the client for
 * `origin`, then `POST('/v1/forecast', { body })`, which returns `{ data, error }` — the forecast,
 * or the API's problem detail.
 */
export function clientCall(origin: string, body: ForecastRequestBody): string {
  return [
    `import { createGatecastClient } from '@gatecast/client';`,
    '',
    `const gatecast = createGatecastClient({ baseUrl: ${tsString(origin)} });`,
    `const { data, error } = await gatecast.POST(${tsString(FORECAST_PATH)}, {`,
    '  body: {',
    `    model: ${tsString(body.model)},`,
    `    window: [${body.window.map((v) => JSON.stringify(v)).join(', ')}],`,
    '  },',
    '});',
  ].join('\n');
}
