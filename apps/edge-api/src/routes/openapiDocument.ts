import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Startup } from '../appEnv.js';
import { HISTORY_CALIBRATION_MONTHS } from '../serving/historyCalibration.js';

/** The document's `info`. */
const INFO = {
  title: 'gatecast edge API',
  version: '1.0.0',
  license: { name: 'MIT', identifier: 'MIT' },
  description:
    'S&P 500 forecasts 1 to 12 months ahead from recurrent networks (SimpleRNN, GRU, LSTM), ' +
    'with conformal quantiles at any levels from 50 to 99 % (the interval method each model ' +
    'serves was chosen on validation months), beside the naive, drift, AR(1) and ' +
    'EWMA-volatility baselines. A posted history of ' +
    `${HISTORY_CALIBRATION_MONTHS} months or more calibrates the intervals on its own errors. ` +
    'Values are index points. Errors are RFC 9457 problem details (application/problem+json). ' +
    'A public API: no authentication. The examples are the API’s own answers, computed from the ' +
    'served registry when this document was built.',
};

/**
 * Where the API runs. The production entry is a placeholder: `npm run deploy` publishes the worker
 * as `gatecast-edge-api` on the deploying account's workers.dev subdomain, and no deployment of
 * this project is public.
 */
const SERVERS = [
  {
    url: 'http://127.0.0.1:8787',
    description: 'Local: `npm start` (or `npm run dev -w @gatecast/edge-api`).',
  },
  {
    url: 'https://gatecast-edge-api.{subdomain}.workers.dev',
    description:
      'Production (placeholder): where `npm run deploy` puts the worker on a Cloudflare ' +
      'account; no public deployment exists.',
    variables: {
      subdomain: {
        default: 'your-subdomain',
        description: 'The deploying Cloudflare account’s workers.dev subdomain.',
      },
    },
  },
];

/** A request whose real answer becomes an operation's example. */
interface ExampleRequest {
  /** Operation: path as the document spells it, and method. */
  path: string;
  method: 'get' | 'post';
  /** The status whose example it is. */
  status: number;
  /** The URL (path and query) to request. */
  url: string;
  /** For POST: the body, or `'requestExample'` for the operation's own request example. */
  body?: unknown;
}

const EXAMPLE_REQUESTS: ExampleRequest[] = [
  { path: '/v1/models', method: 'get', status: 200, url: '/v1/models' },
  { path: '/v1/models/{id}', method: 'get', status: 200, url: '/v1/models/{default}' },
  { path: '/v1/models/{id}', method: 'get', status: 404, url: '/v1/models/transformer-9000' },
  {
    path: '/v1/forecast',
    method: 'get',
    status: 200,
    url: '/v1/forecast?horizon=3&level=80&level=95',
  },
  { path: '/v1/forecast', method: 'get', status: 422, url: '/v1/forecast?horizon=13' },
  { path: '/v1/forecast', method: 'post', status: 200, url: '/v1/forecast', body: 'request' },
  {
    path: '/v1/forecast',
    method: 'post',
    status: 422,
    url: '/v1/forecast',
    body: { window: [6029.95, 6296.5, 6408.95, 0] },
  },
  {
    path: '/v1/forecast/batch',
    method: 'post',
    status: 200,
    url: '/v1/forecast/batch',
    body: 'request',
  },
  {
    path: '/v1/compare',
    method: 'get',
    status: 200,
    url: '/v1/compare?horizon=1&level=80&level=95',
  },
  { path: '/v1/backtest', method: 'get', status: 200, url: '/v1/backtest' },
  { path: '/v1/backtest', method: 'get', status: 404, url: '/v1/backtest' },
  {
    path: '/v1/backtest/{id}',
    method: 'get',
    status: 200,
    url: '/v1/backtest/{default}?origin=2020-01-01',
  },
  { path: '/v1/backtest/{id}', method: 'get', status: 404, url: '/v1/backtest/transformer-9000' },
  { path: '/health', method: 'get', status: 200, url: '/health' },
];

type Json = Record<string, unknown>;

const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined),
    value,
  );

/** The schema a `$ref` (`#/components/schemas/X`) names, or the schema itself. */
function resolve(document: Json, schema: unknown): unknown {
  const ref = at(schema, '$ref');
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) return schema;
  return at(document, 'components', 'schemas', ref.slice('#/components/schemas/'.length));
}

/** `If-None-Match`, the request side of the 304 a cached GET declares. */
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description:
    'ETags of copies the client holds (RFC 9110 §13.1.2): a match answers 304 instead of the ' +
    '200 the request would get; a request that fails validation gets its 4xx all the same.',
  schema: { type: 'string', example: '"3f1d0c5a9b7e4c21d8e6f0a1b2c3d4e5"' },
};

/**
 * Gives every operation that documents a 304 the `If-None-Match` header parameter, where its
 * route did not declare it (`ConditionalHeadersSchema`).
 */
function declareConditionalRequests(document: Json): void {
  for (const methods of Object.values((document.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(methods) as Json[]) {
      if (!at(operation, 'responses', '304')) continue;
      const parameters = (operation.parameters ?? []) as Json[];
      const declared = parameters.some(
        (p) => p.in === 'header' && String(p.name).toLowerCase() === 'if-none-match',
      );
      if (!declared) operation.parameters = [...parameters, IF_NONE_MATCH];
    }
  }
}

/**
 * The API's document: generated from the route schemas, then completed with what only the served
 * registry knows. `ModelId` (every `model` and `{id}`) becomes an enum of the served model ids;
 * each operation's examples are the API's real answers to the requests above, computed once
 * through the app itself (`request`), so they cannot drift from what it serves.
 *
 * @param request - Sends a request through the app (`app.request` with the worker's env).
 */
export async function buildDocument(
  app: OpenAPIHono<AppEnv>,
  startup: Startup,
  request: (url: string, init?: RequestInit) => Promise<Response>,
): Promise<Json> {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: INFO,
    servers: SERVERS,
    // A public API: no operation needs credentials.
    security: [],
  }) as unknown as Json;
  declareConditionalRequests(document);
  if (!startup.ok) return document;

  const { served } = startup.state.models.all();
  const modelId = at(document, 'components', 'schemas', 'ModelId');
  if (modelId && typeof modelId === 'object' && served.length > 0) {
    (modelId as Json).enum = served.map((m) => m.entry.id);
  }

  const defaultId = startup.state.registry.manifest.defaultModel;
  for (const example of EXAMPLE_REQUESTS) {
    const operation = at(document, 'paths', example.path, example.method);
    if (!operation) continue;
    let init: RequestInit | undefined;
    if (example.method === 'post') {
      const schema = resolve(
        document,
        at(operation, 'requestBody', 'content', 'application/json', 'schema'),
      );
      const body = example.body === 'request' ? at(schema, 'example') : example.body;
      if (body === undefined) continue;
      init = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      };
    }
    const response = await request(example.url.replace('{default}', defaultId), init);
    const content = at(operation, 'responses', String(example.status), 'content');
    const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    const media = at(content, type);
    if (response.status !== example.status || !media || typeof media !== 'object') {
      await response.body?.cancel();
      continue;
    }
    (media as Json).example = await response.json();
  }
  return document;
}
