/** A route as the OpenAPI registry records it: method and path template (`/v1/models/{id}`). */
export interface RouteEntry {
  method: string;
  path: string;
}

function templateToRegExp(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

/**
 * The methods a path answers to, for a 405's `Allow` header: the routes' methods, plus HEAD where
 * GET is allowed (Hono answers HEAD with GET's headers) and OPTIONS (CORS preflight).
 *
 * @returns `[]` when no route has this path.
 * @example allowedMethods([{ method: 'GET', path: '/v1/models/{id}' }], '/v1/models/x') // => ['GET', 'HEAD', 'OPTIONS']
 */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const methods = new Set(
    routes.filter((r) => templateToRegExp(r.path).test(path)).map((r) => r.method.toUpperCase()),
  );
  if (methods.size === 0) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  return [...methods].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
