import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The Content-Security-Policy of a JSON answer: it loads nothing and may not be framed, so a
 * response opened as a document can do nothing (the site's pages have their own, in `_headers`).
 */
export const JSON_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/** `Strict-Transport-Security` over https: a year, this host and its subdomains. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Hono's `secureHeaders` as the worker sends it: the headers of the site's `_headers` that apply
 * to an API answer — `X-Content-Type-Options: nosniff`, `Referrer-Policy:
 * strict-origin-when-cross-origin`, `X-Frame-Options: DENY` — with a CSP for JSON
 * ({@link JSON_CONTENT_SECURITY_POLICY}) and `Cross-Origin-Resource-Policy: cross-origin` (the API
 * is public and CORS-open: `same-origin` would only break no-cors use of public data). Headers
 * meant for documents (COOP, Origin-Agent-Cluster, Permissions-Policy) or for retired browsers
 * (X-XSS-Protection, X-Download-Options, X-DNS-Prefetch-Control, X-Permitted-Cross-Domain-
 * Policies) are left out. A route that sets one of these itself keeps its own (`/docs` sets its
 * page's CSP with a nonce).
 */
function securityHeadersWith(strictTransportSecurity: string | false) {
  return secureHeaders({
    contentSecurityPolicy: JSON_CONTENT_SECURITY_POLICY,
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity,
    xContentTypeOptions: true,
    xFrameOptions: 'DENY',
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    removePoweredBy: true,
    overwrite: false,
  });
}

const overHttps = securityHeadersWith(STRICT_TRANSPORT_SECURITY);
const overHttp = securityHeadersWith(false);

/**
 * Security headers on every answer of the worker (the API, its errors, `/docs`), with
 * `Strict-Transport-Security` only when the request came over https (HSTS over http is ignored,
 * RFC 6797 §8.1, and a local server has no certificate to pin clients to).
 */
export function securityHeaders(): MiddlewareHandler {
  return (c, next) => (new URL(c.req.url).protocol === 'https:' ? overHttps : overHttp)(c, next);
}
