/**
 * @gatecast/client: a typed client of the gatecast edge API. The types are generated at build
 * from the OpenAPI document the worker serves (openapi-typescript); requests go through
 * openapi-fetch.
 */
export {
  createGatecastClient,
  type GatecastClient,
  type GatecastClientOptions,
} from './createGatecastClient.js';
export type { components, operations, paths } from './generated/openapi.js';
export { revalidateWithEtags } from './revalidate.js';

import type { components } from './generated/openapi.js';

/** A named schema of the document, e.g. `Schema<'Forecast'>` or `Schema<'Problem'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
