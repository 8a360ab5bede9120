/**
 * The local server behind `npm start`: Miniflare's API serving the built worker (the bundle
 * `wrangler deploy --dry-run --minify` writes) and the site's assets on one workerd, behind a
 * small Node front door (scripts/frontDoor.ts) that answers malformed HTTP itself. The worker's
 * options (compatibility date and flags, module rules, assets directory and `run_worker_first`)
 * are read from `wrangler.jsonc` by wrangler's own `unstable_getMiniflareWorkerOptions`, so dev,
 * deploy and this server share one definition.
 *
 * Why not `wrangler dev`: its local proxy (the ProxyWorker) exits when a client disconnects in
 * the middle of a declared body (cloudflare/workers-sdk #15203, #15447). Why the front door:
 * workerd answers some bad framing (`Content-Length: -1`, a transfer coding other than chunked)
 * with a bare 500. Figures in README "Local server".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  compileModuleRules,
  convertV4MiniflareOptions,
  Log,
  LogLevel,
  Miniflare,
  type V4ModuleRule,
  type V4WorkerOptionsShape,
} from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { type FrontDoor, startFrontDoor } from './frontDoor.ts';
import { checkedRateLimits } from './rateLimitConfig.ts';
import { packageDir } from './wrangler.ts';

/** A module of the built worker, as Miniflare takes it. */
interface BuiltModule {
  type: 'ESModule' | 'CommonJS' | 'Text' | 'Data' | 'CompiledWasm';
  path: string;
  contents: Uint8Array<ArrayBuffer>;
}

/** wrangler names each bundled file `<sha1>-<original name>`. */
const HASH_PREFIX = /^[0-9a-f]{40}-/;

/**
 * The modules of a built worker in `dir`: `index.js` first (the entry), then every file it
 * imports, typed by the config's module rules matched against the file's original name.
 *
 * @throws Error for a file no rule types.
 */
export function builtModules(dir: string, rules: V4ModuleRule[]): BuiltModule[] {
  const compiled = compileModuleRules(rules);
  const typeOf = (name: string): BuiltModule['type'] => {
    if (name === 'index.js') return 'ESModule';
    const original = name.replace(HASH_PREFIX, '');
    const rule = compiled.find(
      (r) =>
        r.include.include.some((re) => re.test(original)) &&
        !r.include.exclude.some((re) => re.test(original)),
    );
    if (!rule || rule.type === 'PythonModule' || rule.type === 'PythonRequirement') {
      throw new Error(`${join(dir, name)}: no module rule of wrangler.jsonc types this file`);
    }
    return rule.type;
  };
  const names = readdirSync(dir).filter((n) => n === 'index.js' || HASH_PREFIX.test(n));
  if (!names.includes('index.js'))
    throw new Error(`${dir} has no index.js: build the worker first`);
  names.sort((a, b) => (a === 'index.js' ? -1 : b === 'index.js' ? 1 : a.localeCompare(b)));
  return names.map((name) => {
    const bytes = readFileSync(join(dir, name));
    return {
      type: typeOf(name),
      path: join(dir, name),
      contents: new Uint8Array(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
      ),
    };
  });
}

/** Miniflare's log, counting the runtime restarts it reports. */
class CountingLog extends Log {
  restarts = 0;
  override warn(message: string): void {
    if (/Workers runtime crashed unexpectedly/.test(message)) this.restarts++;
    super.warn(message);
  }
}

/**
 * The wrangler.jsonc environment local servers run: the production bindings with limits no single
 * machine reaches (see its `env.local`). `null` is the top level, what `wrangler deploy` uses.
 */
export const LOCAL_ENVIRONMENT = 'local';

/**
 * The Miniflare options `wrangler dev --env <environment>` would derive from wrangler.jsonc
 * (compatibility date and flags, module rules, assets, the rate-limit bindings and vars), typed as
 * Miniflare's own (wrangler bundles a copy of the type).
 *
 * @throws Error when the environment's rate-limit bindings and `RATE_LIMIT_POLICIES` disagree.
 */
export function workerOptionsFromConfig(
  environment: string | null = LOCAL_ENVIRONMENT,
): V4WorkerOptionsShape & {
  modulesRules?: V4ModuleRule[];
} {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(
    join(packageDir, 'wrangler.jsonc'),
    environment ?? undefined,
  );
  checkedRateLimits(workerOptions as Parameters<typeof checkedRateLimits>[0]);
  return workerOptions as V4WorkerOptionsShape & { modulesRules?: V4ModuleRule[] };
}

/** A free TCP port on `host`, as the OS hands one out. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A running local server. */
export interface LocalServer {
  /** Where clients connect, e.g. `http://127.0.0.1:8787/`. */
  url: URL;
  /** Times Miniflare restarted a crashed workerd (it does so by itself). */
  restarts: () => number;
  /** Stops the front door and workerd and releases the ports. */
  dispose: () => Promise<void>;
}

/**
 * Serves the worker built in `workerDir` (see `bundleWorker`) with the site in `assetsDir` (default:
 * the `assets.directory` of wrangler.jsonc) on `host:port`, offline (no cf.json fetch). workerd
 * listens on a free loopback port behind the front door; with `frontDoor: false` it listens on
 * `host:port` itself (only to measure what the front door changes).
 */
export async function startLocalServer(options: {
  workerDir: string;
  host: string;
  port: number;
  assetsDir?: string;
  frontDoor?: boolean;
  /** Miniflare's log level (default WARN: errors the worker logs, runtime restarts). */
  logLevel?: LogLevel;
  /**
   * The wrangler.jsonc environment (default {@link LOCAL_ENVIRONMENT}); `null` for the top level,
   * which serves with the production rate limits.
   */
  environment?: string | null;
}): Promise<LocalServer> {
  const withFront = options.frontDoor ?? true;
  const {
    modulesRules = [],
    assets,
    ...rest
  } = workerOptionsFromConfig(
    options.environment === undefined ? LOCAL_ENVIRONMENT : options.environment,
  );
  const log = new CountingLog(options.logLevel ?? LogLevel.WARN, { prefix: 'gatecast' });
  // Behind the front door, workerd is reached on a direct socket to the worker (with its asset
  // router), on a fixed loopback port Miniflare reuses if it restarts a crashed runtime. That skips
  // Miniflare's entry worker (request.cf, pretty error pages, MF-* control headers: none of them
  // wanted here), and one JavaScript hop less per request. Miniflare's own entry socket gets any
  // free port, unused.
  const innerPort = withFront ? await freePort('127.0.0.1') : undefined;
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      ...rest,
      name: 'gatecast-edge-api',
      modules: builtModules(options.workerDir, modulesRules),
      modulesRoot: options.workerDir,
      assets: assets && {
        ...assets,
        directory: options.assetsDir ?? assets.directory,
      },
      host: withFront ? '127.0.0.1' : options.host,
      port: withFront ? 0 : options.port,
      ...(innerPort === undefined
        ? {}
        : { unsafeDirectSockets: [{ host: '127.0.0.1', port: innerPort, proxy: false }] }),
      // A placeholder `request.cf`, never fetched; no per-request log line (each costs a call
      // back into Node); errors the worker logs still reach stderr.
      cf: false,
      logRequests: false,
      log,
    }),
  );
  await mf.ready;
  let front: FrontDoor | undefined;
  try {
    if (withFront) {
      const upstream = await mf.unsafeGetDirectURL();
      front = await startFrontDoor({ host: options.host, port: options.port, upstream });
    }
  } catch (error) {
    await mf.dispose();
    throw error;
  }
  return {
    url: new URL(`http://${options.host}:${options.port}/`),
    restarts: () => log.restarts,
    dispose: async () => {
      await front?.close();
      await mf.dispose();
    },
  };
}
