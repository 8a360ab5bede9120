/**
 * The local server's front door: a Node HTTP/1.1 server (llhttp, a strict parser) in front of
 * workerd. It forwards well-framed requests to workerd in origin form, with hop-by-hop headers
 * dropped, over keep-alive connections, and answers everything else itself with a problem
 * (`application/problem+json`, types from src/http/problem.ts) or by closing the connection:
 *
 * - more than one Host header, or an invalid one (RFC 9112 §3.2): 400 `malformed-request`;
 * - bad framing (a Content-Length that is not one decimal number, Content-Length with
 *   Transfer-Encoding, a transfer coding other than chunked, malformed chunks), a garbage request
 *   line or header: 400 `malformed-request`. workerd (kj-http 2026-08) answers several of these
 *   with a bare 500, and a malformed chunk reaches the worker as a failed body read;
 * - a head over 16 KiB: 431 `headers-too-large`; a head not finished in 10 s or a request not
 *   finished in 30 s: 408 `request-timeout`;
 * - `CONNECT`: 405 `method-not-allowed` (workerd hands it to the worker's missing `connect`
 *   handler and answers 500). An `Upgrade` header is ignored (RFC 9110 §7.8): the request is
 *   served as plain HTTP/1.1;
 * - a client that disconnects mid-body: the forwarded request is aborted, nothing else happens.
 *
 * Only workerd's own failure (not listening, restarting) answers 5xx: 503 `runtime-unavailable`.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { pipeline } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, type ProblemSlug, problem } from '../src/http/problem.ts';

/** Headers that describe one connection, never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
  'expect',
]);

/** Miniflare's own endpoints (platform proxy, triggers, explorer): not part of gatecast. */
const MINIFLARE_PATHS = /^\/(cdn-cgi|__cf_local)(\/|$)/i;

/** A Host header value: a registered name, IPv4 or bracketed IPv6 literal, and an optional port. */
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9._~!$&'()*+,;=%-]+)(:\d{1,5})?$/i;

/** Largest request head accepted, in bytes (Node's default; the API's heads are far smaller). */
export const MAX_HEAD_BYTES = 16 * 1024;
/** Time to receive a request's head, in ms. */
export const HEAD_TIMEOUT_MS = 10_000;
/** Time to receive a whole request, in ms. */
export const REQUEST_TIMEOUT_MS = 30_000;

function problemBody(slug: ProblemSlug, detail: string): string {
  return JSON.stringify(problem(slug, detail));
}

/** A complete HTTP/1.1 problem response, written straight to a socket; it closes the connection. */
function rawProblem(slug: ProblemSlug, detail: string): string {
  const body = problemBody(slug, detail);
  const { status } = problem(slug, detail);
  const reason =
    {
      400: 'Bad Request',
      405: 'Method Not Allowed',
      408: 'Request Timeout',
      431: 'Request Header Fields Too Large',
    }[status] ?? 'Error';
  return [
    `HTTP/1.1 ${status} ${reason}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

function sendProblem(res: ServerResponse, slug: ProblemSlug, detail: string, close = false): void {
  const body = problemBody(slug, detail);
  res.writeHead(problem(slug, detail).status, {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(body);
}

/**
 * The headers to forward: the client's, minus hop-by-hop ones, those `Connection` names, and
 * Miniflare's own `MF-*` control headers (its entry worker trusts them: `MF-CF-Blob` is parsed
 * as JSON, `MF-Route-Override` picks a worker); then `CF-Connecting-IP`, the client's address
 * from its socket, as Cloudflare's edge sets it (a client's own is dropped: the worker's rate
 * limits count by it).
 */
function forwardedHeaders(
  raw: string[],
  connection: string | undefined,
  host: string,
  clientAddress: string | undefined,
): OutgoingHttpHeaders {
  const named = new Set(
    (connection ?? '')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    if (
      HOP_BY_HOP.has(name) ||
      named.has(name) ||
      name === 'host' ||
      name === 'cf-connecting-ip' ||
      name.startsWith('mf-')
    )
      continue;
    const seen = headers[name];
    headers[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  headers.host = host;
  if (clientAddress) headers['cf-connecting-ip'] = clientAddress;
  return headers;
}

/** The upstream's response headers, minus hop-by-hop ones. */
function returnedHeaders(raw: string[]): OutgoingHttpHeaders {
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    const value = raw[i + 1] as string;
    const seen = headers[name];
    headers[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return headers;
}

/**
 * The request target in origin form (`/path?query`), from origin or absolute form, normalized
 * as a browser would send it; undefined for anything else (`*`, authority form, garbage).
 */
export function originForm(target: string | undefined): string | undefined {
  if (!target) return undefined;
  if (!target.startsWith('/') && !/^https?:\/\//i.test(target)) return undefined;
  try {
    const url = new URL(target, 'http://127.0.0.1');
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

/** Why llhttp refused a request, in a client's words. */
function clientErrorDetail(error: NodeJS.ErrnoException & { reason?: string }): string {
  const reason = error.reason ?? error.message;
  return `the request is not valid HTTP/1.1 (${reason.replace(/\.$/, '')})`;
}

/** A running front door. */
export interface FrontDoor {
  server: Server;
  /** Stops accepting, closes every connection. */
  close: () => Promise<void>;
}

/**
 * Listens on `host:port` and forwards to the HTTP server at `upstream` (a workerd socket).
 */
export async function startFrontDoor(options: {
  host: string;
  port: number;
  upstream: URL;
}): Promise<FrontDoor> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128, maxFreeSockets: 128 });
  const authority = `${options.host}:${options.port}`;

  const server = createServer(
    {
      maxHeaderSize: MAX_HEAD_BYTES,
      headersTimeout: HEAD_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: 1000,
      keepAliveTimeout: 5000,
      requireHostHeader: true,
      joinDuplicateHeaders: false,
    },
    (req: IncomingMessage, res: ServerResponse) => {
      const path = originForm(req.url);
      if (path === undefined) {
        req.resume();
        sendProblem(
          res,
          'malformed-request',
          'the request target must be a path such as /v1/forecast',
          true,
        );
        return;
      }
      const hosts = req.rawHeaders.filter((name, i) => i % 2 === 0 && /^host$/i.test(name)).length;
      if (hosts > 1 || (req.headers.host !== undefined && !HOST.test(req.headers.host))) {
        // RFC 9112 §3.2: more than one Host, or an invalid one, is a 400.
        req.resume();
        sendProblem(res, 'malformed-request', 'send exactly one valid Host header', true);
        return;
      }
      if (MINIFLARE_PATHS.test(path)) {
        req.resume();
        sendProblem(res, 'unknown-path', `nothing at ${path.slice(0, 200)}`);
        return;
      }
      const { upstream } = options;
      const forwarded = httpRequest({
        agent,
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path,
        headers: forwardedHeaders(
          req.rawHeaders,
          req.headers.connection,
          authority,
          req.socket.remoteAddress,
        ),
        setHost: false,
      });
      forwarded.on('response', (answer) => {
        if (res.destroyed) {
          answer.destroy();
          return;
        }
        res.writeHead(answer.statusCode ?? 502, returnedHeaders(answer.rawHeaders));
        pipeline(answer, res, () => {});
      });
      forwarded.on('error', () => {
        // The client left (we aborted the forward), or workerd is not there.
        if (req.destroyed || res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        sendProblem(res, 'runtime-unavailable', 'the Workers runtime is restarting; retry', true);
      });
      pipeline(req, forwarded, (error) => {
        if (error) forwarded.destroy();
      });
    },
  );

  server.on('clientError', (error: NodeJS.ErrnoException & { reason?: string }, socket: Socket) => {
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const answer =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? rawProblem('headers-too-large', `the request head exceeds ${MAX_HEAD_BYTES} bytes`)
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? rawProblem('request-timeout', 'the request did not arrive in time')
          : rawProblem('malformed-request', clientErrorDetail(error));
    socket.end(answer);
  });
  // Tunnels are not part of the API. (With no 'upgrade' listener, Node serves a request that
  // asks for an upgrade as a plain one.)
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => {});
    socket.end(rawProblem('method-not-allowed', 'CONNECT is not served'));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
