import { Scalar } from '@scalar/hono-api-reference';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../appEnv.js';

/**
 * Where the site serves Scalar's standalone UI bundle (`@scalar/api-reference`, copied into
 * `apps/site/dist` by the site's build: `apps/site/src/build/scalarAsset.ts`). `/docs` loads it
 * from this origin, never from a CDN.
 */
export const SCALAR_SCRIPT_PATH = '/vendor/scalar-api-reference.js';

/**
 * The page's Content-Security-Policy: scripts from this origin and the page's one inline script
 * (by nonce); inline styles, which the reference sets on its elements (a nonce cannot cover
 * `style` attributes); requests to this origin only, so "Test request" reaches this API and
 * nothing else (no fonts, telemetry or proxy elsewhere).
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** 128 random bits, base64: a CSP nonce. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * GET /docs: an interactive API reference (Scalar's Hono middleware) rendered in the browser from
 * `/openapi.json`, with "Test request" pointed at the origin the page came from. Offline: the UI
 * is this site's asset ({@link SCALAR_SCRIPT_PATH}), Scalar's web fonts, telemetry and agent are
 * off, and the CSP allows no other origin.
 */
export function docsPage(): MiddlewareHandler<AppEnv> {
  const render = Scalar<AppEnv>((c) => {
    const nonce = newNonce();
    c.header('Content-Security-Policy', contentSecurityPolicy(nonce));
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    return {
      url: '/openapi.json',
      pageTitle: 'gatecast API reference',
      // The site's icon, so the browser does not ask for a missing /favicon.ico.
      favicon: '/favicon.svg',
      cdn: SCALAR_SCRIPT_PATH,
      nonce,
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      showDeveloperTools: 'never',
      documentDownloadType: 'json',
      servers: [{ url: new URL(c.req.url).origin, description: 'This server' }],
    };
  });
  return render;
}
