/**
 * The worker: the gatecast API over the bundled registry, on the wasm SIMD engine. Static assets
 * (the comparison site) are served by the runtime before this runs, except on the API paths
 * listed in wrangler.jsonc's `run_worker_first`.
 */
import wasmModule from '@gatecast/kernels/kernels.wasm';
import { createApp } from './app.js';
import { registryBundle } from './registry.generated.js';

// Created in the global scope with `eager`: registry checks, the wasm start and every model's load
// run while the isolate starts (no timers or I/O involved), so requests do not pay for them.
const app = createApp({
  registry: registryBundle,
  engine: { preferred: 'wasm', wasmModule },
  eager: true,
  // Workers Logs keep what reaches the console; the client only sees a bare 500 problem.
  onUnexpectedError: (error) => console.error('gatecast: unexpected error', error),
});

export default app satisfies ExportedHandler<Env>;
