import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Startup } from './appEnv.js';
import type { EngineOptions } from './engine/selectEngine.js';
import { allowedMethods } from './http/allowedMethods.js';
import { ApiError, type FieldError, problem, problemResponse } from './http/problem.js';
import { registryCache } from './http/registryCache.js';
import type { RegistryBundle } from './registry/bundle.js';
import { RegistryError } from './registry/loadRegistry.js';
import { compare } from './routes/compare.js';
import { forecast } from './routes/forecast.js';
import { health } from './routes/health.js';
import { models } from './routes/models.js';
import { HISTORY_CALIBRATION_MONTHS } from './serving/historyCalibration.js';
import { buildServingState } from './serving/servingState.js';

/** What an app serves and how it computes. */
export interface AppOptions {
  /** The bundled registry (see `registry.generated.ts`), or an altered copy in tests. */
  registry: RegistryBundle;
  /** Engine preference and the wasm module; the reference engine when wasm is unavailable. */
  engine?: EngineOptions;
  /**
   * Start up when the app is created, loading every model, instead of on the first request and
   * one model at a time. Create the app in the worker's global scope with this set and start-up
   * runs while the isolate starts, not within a request's CPU time. Off by default.
   */
  eager?: boolean;
  /**
   * Called with any error that is not a client's fault, before the client gets a bare 500
   * problem; the app itself logs nothing.
   */
  onUnexpectedError?: (error: unknown) => void;
}

/** RFC 6901 pointer of a zod issue path, e.g. `['window', 3]` → `/window/3`. */
function pointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Turns a failed schema check into problem details (422), one JSON pointer per issue. */
function validationHook(
  result: {
    success: boolean;
    target: string;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  },
  _c: Context,
): Response | undefined {
  if (result.success || !result.error) return undefined;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    pointer: pointer(issue.path),
    detail: issue.message,
  }));
  const first = errors[0] as FieldError;
  const where = result.target === 'json' ? 'body' : result.target;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const detail = `${where}${first.pointer || ''}: ${first.detail}${more}`;
  const slug = result.target === 'json' ? 'invalid-body' : 'invalid-parameters';
  return problemResponse(problem(slug, detail, errors));
}

/** Renders any error as problem details, never with a stack trace or an internal path. */
function renderError(error: unknown): Response {
  if (error instanceof ApiError) return problemResponse(error.problem, error.headers);
  if (error instanceof HTTPException) {
    const slug =
      error.status === 413
        ? 'body-too-large'
        : error.status === 415
          ? 'unsupported-media-type'
          : error.status === 400
            ? 'malformed-json'
            : 'internal';
    return problemResponse(problem(slug, error.message || 'the request could not be handled'));
  }
  return problemResponse(problem('internal', 'the server failed to handle the request'));
}

/**
 * Builds the API: Hono routes under `/v1`, `/health` and `/openapi.json`, typed with the worker's
 * bindings. Start-up (registry checks, engine start) runs once per app, on the first request or at
 * creation with `eager`; each model goes on the engine, with its canonical forecast computed, when
 * first used or at start-up with `eager`.
 *
 * @example createApp({ registry: registryBundle, engine: { wasmModule } }).fetch(request, env, ctx)
 */
export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const preferredEngine = options.engine?.preferred ?? 'wasm';
  let startup: Promise<Startup> | undefined;
  const ensureStartup = (): Promise<Startup> => {
    startup ??= buildServingState(options.registry, options.engine ?? {}, {
      loadAllModels: options.eager === true,
    }).then(
      (state): Startup => ({ ok: true, state }),
      (error): Startup => ({
        ok: false,
        preferredEngine,
        reason: error instanceof RegistryError ? error.message : 'the registry could not be loaded',
      }),
    );
    return startup;
  };

  if (options.eager) void ensureStartup();

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'If-None-Match'],
      exposeHeaders: ['ETag'],
      maxAge: 86_400,
    }),
  );
  app.use('*', async (c, next) => {
    const outcome = await ensureStartup();
    c.set('startup', outcome);
    c.set('state', () => {
      if (outcome.ok) return outcome.state;
      throw new ApiError('registry-unavailable', outcome.reason);
    });
    await next();
  });

  app.route('/v1', models);
  app.route('/v1', forecast);
  app.route('/v1', compare);
  app.route('/', health);

  let document: object | undefined;
  app.get('/openapi.json', registryCache('registry'), (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'gatecast edge API',
        version: '1.0.0',
        description:
          'S&P 500 forecasts 1 to 12 months ahead from recurrent networks (SimpleRNN, GRU, LSTM), ' +
          'with conformal quantiles at any levels from 50 to 99 % (the interval method each ' +
          'model serves was chosen on validation months), beside the naive, drift, AR(1) and ' +
          `EWMA-volatility baselines. A posted history of ${HISTORY_CALIBRATION_MONTHS} months or more calibrates the ` +
          'intervals on its own errors. Values are index points. Errors are RFC 9457 problem ' +
          'details (application/problem+json).',
      },
    });
    return c.json(document, 200);
  });

  const routeTable = [
    ...app.openAPIRegistry.definitions.flatMap((d) =>
      d.type === 'route' ? [{ method: d.route.method.toUpperCase(), path: d.route.path }] : [],
    ),
    { method: 'GET', path: '/openapi.json' },
  ];
  app.notFound((c) => {
    const path = c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path;
    const allowed = allowedMethods(routeTable, c.req.path);
    if (allowed.length > 0) {
      const allow = allowed.join(', ');
      return problemResponse(
        problem('method-not-allowed', `${c.req.method} is not allowed on ${path}; use ${allow}`),
        { Allow: allow },
      );
    }
    const detail =
      c.req.path === '/' || c.req.path === '/index.html'
        ? 'the comparison site is not built (npm run build -w @gatecast/site); the API is under /v1'
        : `nothing at ${path}; see /openapi.json for the API`;
    return problemResponse(problem('unknown-path', detail));
  });
  app.onError((error) => {
    if (!(error instanceof ApiError) && !(error instanceof HTTPException)) {
      options.onUnexpectedError?.(error);
    }
    return renderError(error);
  });
  return app;
}
