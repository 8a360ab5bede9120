import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Startup } from './appEnv.js';
import type { EngineOptions } from './engine/selectEngine.js';
import { allowedMethods } from './http/allowedMethods.js';
import { jsonPointer } from './http/jsonPointer.js';
import { ApiError, type FieldError, problem, problemResponse } from './http/problem.js';
import { rejectPrototypeQueryKeys } from './http/prototypeKeys.js';
import { rateLimit } from './http/rateLimit.js';
import { registryCache } from './http/registryCache.js';
import { securityHeaders } from './http/securityHeaders.js';
import type { RegistryBundle } from './registry/bundle.js';
import { RegistryError } from './registry/loadRegistry.js';
import { backtestRoutes } from './routes/backtest.js';
import { compare } from './routes/compare.js';
import { docsPage } from './routes/docs.js';
import { forecast } from './routes/forecast.js';
import { health } from './routes/health.js';
import { models } from './routes/models.js';
import { buildDocument } from './routes/openapiDocument.js';
import { problemResponses } from './routes/openapiSupport.js';
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
    pointer: jsonPointer(issue.path),
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
  // Outermost, so every answer gets them: errors, 404s, 405s and 429s included.
  app.use('*', securityHeaders());
  // A public, read-only API without cookies or credentials: any origin may call it and read the
  // answer (and the headers a client needs: validators and the rate-limit fields).
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'If-None-Match'],
      exposeHeaders: ['ETag', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
      credentials: false,
      maxAge: 86_400,
    }),
  );
  // Before start-up and validation: an answer over the limit costs the least it can.
  app.use('*', rateLimit({ onError: options.onUnexpectedError }));
  app.use('*', async (c, next) => {
    const outcome = await ensureStartup();
    c.set('startup', outcome);
    c.set('state', () => {
      if (outcome.ok) return outcome.state;
      throw new ApiError('registry-unavailable', outcome.reason);
    });
    await next();
  });

  app.use('/v1/*', rejectPrototypeQueryKeys);
  app.route('/v1', models);
  app.route('/v1', forecast);
  app.route('/v1', compare);
  app.route('/v1', backtestRoutes(options.registry.backtest));
  app.route('/', health);

  // Built once per app, on first request: it asks the app for its real answers as examples.
  let document: Promise<object> | undefined;
  app.get('/openapi.json', registryCache('registry'), async (c) => {
    document ??= buildDocument(app, c.var.startup, async (url, init) =>
      app.request(url, init, c.env),
    ).catch((error: unknown) => {
      document = undefined;
      throw error;
    });
    return c.json(await document, 200);
  });
  app.get('/docs', docsPage());

  // Every route is behind the rate limit: each documents its 429 (with Retry-After and the
  // RateLimit fields), whatever its own response list says.
  const rateLimited = problemResponses(429)[429];
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type === 'route') definition.route.responses[429] ??= rateLimited;
  }

  const routeTable = [
    ...app.openAPIRegistry.definitions.flatMap((d) =>
      d.type === 'route' ? [{ method: d.route.method.toUpperCase(), path: d.route.path }] : [],
    ),
    { method: 'GET', path: '/openapi.json' },
    { method: 'GET', path: '/docs' },
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
