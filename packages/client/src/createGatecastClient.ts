import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/openapi.js';
import { revalidateWithEtags } from './revalidate.js';

/** A typed client of the gatecast API: openapi-fetch over the document's `paths`. */
export type GatecastClient = Client<paths>;

/** How {@link createGatecastClient} reaches the API. */
export interface GatecastClientOptions {
  /** Where the API runs, e.g. `http://127.0.0.1:8787` (`npm start`); paths start with `/v1`. */
  baseUrl: string;
  /** The fetch to send requests with; `globalThis.fetch` when absent. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * Keep each GET's last answer and revalidate it with its `ETag` (`If-None-Match`), serving a
   * `304` as that answer: see {@link revalidateWithEtags}. On by default; `false` leaves caching
   * to the platform (a browser's HTTP cache).
   */
  revalidate?: boolean | { maxEntries?: number };
}

/**
 * A typed client of the gatecast API, generated from the document the worker serves: every path,
 * parameter, body and answer is typed, errors are RFC 9457 problem details (`error`), and GETs
 * revalidate with their ETags.
 *
 * @example
 * const gatecast = createGatecastClient({ baseUrl: 'http://127.0.0.1:8787' });
 * const { data } = await gatecast.GET('/v1/forecast', { params: { query: { horizon: 3 } } });
 * data?.path[2]?.forecast; // => the forecast for three months after the series' last month
 */
export function createGatecastClient(options: GatecastClientOptions): GatecastClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  if (options.revalidate !== false) {
    client.use(revalidateWithEtags(options.revalidate === true ? {} : options.revalidate));
  }
  return client;
}
