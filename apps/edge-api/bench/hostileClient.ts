/**
 * A hostile HTTP/1.1 client for the local server, on raw `net` sockets: uploads that declare a
 * Content-Length and disconnect part-way, malformed chunked bodies, bad framing, oversized heads,
 * garbage request lines and slow partial heads. Each case is one connection, bounded in time;
 * only 127.0.0.1 is accepted. After each batch, {@link checkServes} asks whether the server still
 * answers real requests.
 */
import { connect, type Socket } from 'node:net';

/** Where the server listens; the host must be 127.0.0.1. */
export interface Target {
  host: string;
  port: number;
}

/** A 12-month window of index closes: a valid `POST /v1/forecast` body. */
export const VALID_WINDOW = [
  5881.63, 5954.5, 6032.38, 5611.85, 5569.06, 5911.69, 6204.95, 6389.77, 6460.26, 6688.46, 6957.01,
  7412.55,
];

/** Every route of the local server, as a method and a path (the site is `GET /`). */
export const ROUTES: readonly { method: 'GET' | 'POST'; path: string }[] = [
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/openapi.json' },
  { method: 'GET', path: '/v1/models' },
  { method: 'GET', path: '/v1/models/unknown-model' },
  { method: 'GET', path: '/v1/forecast' },
  { method: 'POST', path: '/v1/forecast' },
  { method: 'POST', path: '/v1/forecast/batch' },
  { method: 'GET', path: '/v1/compare' },
  { method: 'GET', path: '/no/such/path' },
];

/** One hostile request: the bytes it sends, and how it ends. */
export interface HostileCase {
  name: string;
  /** Sent in order; a number is a pause in ms. */
  parts: (string | Buffer | number)[];
  /**
   * `abort`: destroy the socket (RST-like) right after the last part; `half-close`: end our
   * side (FIN) and read what comes; `read`: keep the socket open and read an answer.
   */
  end: 'abort' | 'half-close' | 'read';
}

/** What one hostile request saw. */
export interface HostileOutcome {
  name: string;
  /** Status of the first response, when one arrived within the time bound. */
  status?: number;
  contentType?: string;
  /** The first bytes of the response body (for diagnosis: stack traces, paths). */
  bodyStart?: string;
  /** The server closed the connection without a response. */
  closedSilently: boolean;
  /** Nothing came back and the connection stayed open until the time bound. */
  timedOut: boolean;
  /** Connecting failed: the server is not listening. */
  refused: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function assertLoopback(target: Target): void {
  if (target.host !== '127.0.0.1') throw new Error('hostile clients run only against 127.0.0.1');
}

function head(method: string, path: string, headers: Record<string, string | number>[] = []) {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const h of headers) for (const [k, v] of Object.entries(h)) lines.push(`${k}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const BODY = JSON.stringify({ window: VALID_WINDOW });

/**
 * Aborted uploads on `route`: a declared Content-Length larger than what is sent, then a
 * disconnect (immediately, after a pause, and as a half-close); and a chunked body cut mid-chunk.
 */
export function abortedUploads(route: { method: string; path: string }): HostileCase[] {
  const tag = `${route.method} ${route.path}`;
  const declared = head(route.method, route.path, [JSON_TYPE, { 'Content-Length': 4096 }]);
  const chunked = head(route.method, route.path, [JSON_TYPE, { 'Transfer-Encoding': 'chunked' }]);
  return [
    {
      name: `aborted upload, immediate (${tag})`,
      parts: [declared, BODY.slice(0, 20)],
      end: 'abort',
    },
    {
      name: `aborted upload, after 30 ms (${tag})`,
      parts: [declared, BODY.slice(0, 40), 30],
      end: 'abort',
    },
    {
      name: `aborted upload, half-close (${tag})`,
      parts: [declared, BODY.slice(0, 40)],
      end: 'half-close',
    },
    {
      name: `aborted upload, headers only (${tag})`,
      parts: [declared],
      end: 'abort',
    },
    {
      name: `aborted chunked upload (${tag})`,
      parts: [chunked, `${(1000).toString(16)}\r\n${BODY.slice(0, 30)}`, 20],
      end: 'abort',
    },
  ];
}

/**
 * Malformed chunked encoding and bad framing, each sent to `path` as a POST (the body-reading
 * route) and answered or not within the time bound.
 */
export function malformedRequests(path = '/v1/forecast'): HostileCase[] {
  const post = (headers: Record<string, string | number>[]) => head('POST', path, headers);
  const te = { 'Transfer-Encoding': 'chunked' };
  const bigHeader = `X-Big: ${'a'.repeat(128 * 1024)}`;
  const manyHeaders = Array.from({ length: 2000 }, (_, i) => `X-H${i}: ${i}`).join('\r\n');
  const cases: HostileCase[] = [
    {
      name: 'chunk size not hex',
      parts: [post([JSON_TYPE, te]), 'zz\r\n{}\r\n0\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'chunk size overflows',
      parts: [post([JSON_TYPE, te]), 'ffffffffffffffffffff\r\n{}\r\n0\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'negative chunk size',
      parts: [post([JSON_TYPE, te]), '-5\r\n{}\r\n0\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'chunk longer than its size',
      parts: [post([JSON_TYPE, te]), `2\r\n${BODY}\r\n0\r\n\r\n`],
      end: 'read',
    },
    {
      name: 'chunk without CRLF',
      parts: [post([JSON_TYPE, te]), `${BODY.length.toString(16)}\r\n${BODY}0\r\n\r\n`],
      end: 'read',
    },
    {
      name: 'truncated chunk, half-close',
      parts: [post([JSON_TYPE, te]), `${(500).toString(16)}\r\n${BODY.slice(0, 50)}`],
      end: 'half-close',
    },
    {
      name: 'chunked without last chunk, half-close',
      parts: [post([JSON_TYPE, te]), `${BODY.length.toString(16)}\r\n${BODY}\r\n`],
      end: 'half-close',
    },
    {
      name: 'chunk extension garbage',
      parts: [
        post([JSON_TYPE, te]),
        `${BODY.length.toString(16)};\x01\x02=\r\n${BODY}\r\n0\r\n\r\n`,
      ],
      end: 'read',
    },
    {
      name: 'Content-Length: -1',
      parts: [post([JSON_TYPE, { 'Content-Length': -1 }]), BODY],
      end: 'read',
    },
    {
      name: 'Content-Length: abc',
      parts: [post([JSON_TYPE, { 'Content-Length': 'abc' }]), BODY],
      end: 'read',
    },
    {
      name: 'Content-Length: 1e3',
      parts: [post([JSON_TYPE, { 'Content-Length': '1e3' }]), BODY],
      end: 'read',
    },
    {
      name: 'Content-Length overflows',
      parts: [post([JSON_TYPE, { 'Content-Length': '99999999999999999999999' }]), BODY],
      end: 'read',
    },
    {
      name: 'Content-Length and Transfer-Encoding',
      parts: [
        post([JSON_TYPE, { 'Content-Length': 4 }, te]),
        `${BODY.length.toString(16)}\r\n${BODY}\r\n0\r\n\r\n`,
      ],
      end: 'read',
    },
    {
      name: 'duplicate differing Content-Length',
      parts: [post([JSON_TYPE, { 'Content-Length': BODY.length }, { 'Content-Length': 5 }]), BODY],
      end: 'read',
    },
    {
      name: 'duplicate equal Content-Length',
      parts: [
        post([JSON_TYPE, { 'Content-Length': BODY.length }, { 'Content-Length': BODY.length }]),
        BODY,
      ],
      end: 'read',
    },
    {
      name: 'Content-Length list',
      parts: [post([JSON_TYPE, { 'Content-Length': `${BODY.length}, ${BODY.length}` }]), BODY],
      end: 'read',
    },
    {
      name: 'Transfer-Encoding: gzip, chunked',
      parts: [post([JSON_TYPE, { 'Transfer-Encoding': 'gzip, chunked' }]), '2\r\n{}\r\n0\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'Transfer-Encoding: identity',
      parts: [post([JSON_TYPE, { 'Transfer-Encoding': 'identity' }]), BODY],
      end: 'half-close',
    },
    {
      name: 'header of 128 KiB',
      parts: [`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n${bigHeader}\r\n\r\n`],
      end: 'read',
    },
    {
      name: '2000 headers',
      parts: [`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n${manyHeaders}\r\n\r\n`],
      end: 'read',
    },
    {
      name: 'URL of 128 KiB',
      parts: [
        `GET /v1/forecast?model=${'m'.repeat(128 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
      ],
      end: 'read',
    },
    { name: 'garbage request line', parts: ['GARBAGE\r\n\r\n'], end: 'read' },
    {
      name: 'binary garbage',
      parts: [Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])],
      end: 'read',
    },
    {
      name: 'unknown HTTP version',
      parts: ['GET /health HTTP/9.9\r\nHost: x\r\n\r\n'],
      end: 'read',
    },
    { name: 'lowercase method', parts: ['get /health HTTP/1.1\r\nHost: x\r\n\r\n'], end: 'read' },
    {
      name: 'space in the target',
      parts: ['GET /he alth HTTP/1.1\r\nHost: x\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'absolute-form target',
      parts: ['GET http://evil.example/health HTTP/1.1\r\nHost: x\r\n\r\n'],
      end: 'read',
    },
    { name: 'bare LF line ends', parts: ['GET /health HTTP/1.1\nHost: x\n\n'], end: 'read' },
    {
      name: 'header without colon',
      parts: ['GET /health HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'space before colon',
      parts: ['GET /health HTTP/1.1\r\nHost : x\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'obsolete line folding',
      parts: ['GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  folded\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'NUL in a header',
      parts: ['GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n'],
      end: 'read',
    },
    { name: 'HTTP/1.0 without Host', parts: ['GET /health HTTP/1.0\r\n\r\n'], end: 'read' },
    {
      name: 'Expect: 100-continue, then abort',
      parts: [post([JSON_TYPE, { 'Content-Length': BODY.length }, { Expect: '100-continue' }]), 50],
      end: 'abort',
    },
    {
      name: 'pipelined valid then garbage',
      parts: ['GET /health HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE / HTTP/1.1\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'CONNECT',
      parts: ['CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'websocket upgrade',
      parts: [
        'GET /health HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      ],
      end: 'read',
    },
    {
      name: 'h2c upgrade',
      parts: [
        'GET /health HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n',
      ],
      end: 'read',
    },
    {
      name: 'MF-CF-Blob garbage',
      parts: ['GET /health HTTP/1.1\r\nHost: x\r\nMF-CF-Blob: {\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'MF-Route-Override',
      parts: ['GET /health HTTP/1.1\r\nHost: x\r\nMF-Route-Override: nope\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'Miniflare endpoint',
      parts: ['GET /cdn-cgi/local/scheduled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'bad percent-encoding',
      parts: ['GET /v1/%zz%ff HTTP/1.1\r\nHost: x\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'Host with a space',
      parts: ['GET /health HTTP/1.1\r\nHost: a b\r\n\r\n'],
      end: 'read',
    },
    {
      name: 'two Host headers',
      parts: ['GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
      end: 'read',
    },
    { name: 'OPTIONS *', parts: ['OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n'], end: 'read' },
    { name: 'HTTP/2 preface', parts: ['PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'], end: 'read' },
  ];
  return cases;
}

function parseHead(
  bytes: Buffer,
): { status: number; contentType?: string; bodyStart: string } | undefined {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const lines = text.slice(0, end).split('\r\n');
  // A 100 Continue is interim: the final answer follows.
  const match = /^HTTP\/\d\.\d (\d{3})/.exec(lines[0] ?? '');
  if (!match) return undefined;
  const status = Number(match[1]);
  if (status === 100)
    return parseHead(bytes.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1')));
  const contentType = lines
    .find((l) => /^content-type:/i.test(l))
    ?.slice('content-type:'.length)
    .trim();
  return { status, contentType, bodyStart: text.slice(end + 4, end + 4 + 300) };
}

/**
 * Sends one hostile case on a fresh connection and reports what came back within `timeoutMs`.
 */
export function sendCase(
  target: Target,
  hostile: HostileCase,
  timeoutMs = 2000,
): Promise<HostileOutcome> {
  assertLoopback(target);
  return new Promise((resolve) => {
    const outcome: HostileOutcome = {
      name: hostile.name,
      closedSilently: false,
      timedOut: false,
      refused: false,
    };
    let received = Buffer.alloc(0);
    let settled = false;
    let connected = false;
    let tail: NodeJS.Timeout | undefined;
    const socket: Socket = connect({ host: target.host, port: target.port });
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(tail);
      socket.destroy();
      const parsed = parseHead(received);
      if (parsed) {
        outcome.status = parsed.status;
        outcome.contentType = parsed.contentType;
        // Keep a little of the body: enough to see a stack trace or a path.
        outcome.bodyStart = parsed.bodyStart.slice(0, 200);
      }
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      if (!parseHead(received)) outcome.timedOut = hostile.end !== 'abort';
      finish();
    }, timeoutMs);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && error.code === 'ECONNREFUSED') outcome.refused = true;
      finish();
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      // Once a head arrived, read a little of the body (a keep-alive answer never closes).
      if (!tail && parseHead(received)) tail = setTimeout(finish, 100);
    });
    socket.on('close', () => {
      if (!parseHead(received) && hostile.end !== 'abort') outcome.closedSilently = true;
      finish();
    });
    socket.on('connect', async () => {
      connected = true;
      for (const part of hostile.parts) {
        if (settled) return;
        if (typeof part === 'number') await sleep(part);
        else socket.write(part);
      }
      if (hostile.end === 'abort') {
        socket.resetAndDestroy();
        finish();
      } else if (hostile.end === 'half-close') {
        socket.end();
      }
      // 'read': wait for an answer, a close or the time bound.
    });
  });
}

/**
 * Slow partial heads (slowloris): `count` connections that each send a request line and one
 * header byte by byte for `seconds`, never finishing the head; closed afterwards. Meanwhile
 * `during` runs (a check that real clients are served).
 */
export async function slowHeads<T>(
  target: Target,
  options: { count: number; seconds: number },
  during: () => Promise<T>,
): Promise<{ closedByServer: number; result: T }> {
  assertLoopback(target);
  const sockets: Socket[] = [];
  let closedByServer = 0;
  let stopping = false;
  for (let i = 0; i < options.count; i++) {
    const socket = connect({ host: target.host, port: target.port });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (!stopping) closedByServer++;
    });
    socket.write('POST /v1/forecast HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    sockets.push(socket);
  }
  const dribble = setInterval(() => {
    for (const s of sockets) if (!s.destroyed) s.write('a');
  }, 200);
  const deadline = sleep(options.seconds * 1000);
  const result = await during();
  await deadline;
  clearInterval(dribble);
  stopping = true;
  for (const s of sockets) s.destroy();
  return { closedByServer, result };
}

/** Whether the server answers real clients: GET /health 200 and a valid POST /v1/forecast 200. */
export async function checkServes(target: Target): Promise<{ ok: boolean; detail: string }> {
  assertLoopback(target);
  const origin = `http://${target.host}:${target.port}`;
  try {
    const health = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(5000) });
    await health.arrayBuffer();
    const post = await fetch(`${origin}/v1/forecast`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: BODY,
      signal: AbortSignal.timeout(5000),
    });
    const body = (await post.json()) as { forecast?: unknown };
    const ok = health.status === 200 && post.status === 200 && typeof body.forecast === 'number';
    return { ok, detail: `GET /health ${health.status}, POST /v1/forecast ${post.status}` };
  } catch (error) {
    return { ok: false, detail: `no answer: ${(error as Error).message}` };
  }
}

/** Counts over a set of outcomes. */
export interface HostileTally {
  sent: number;
  /** Answers with a 5xx status. */
  serverErrors: number;
  /** 4xx answers whose body is not application/problem+json. */
  nonProblem4xx: number;
  /** Status → count. */
  statuses: Record<string, number>;
  /** Connections the server closed without an answer. */
  closedSilently: number;
  /** Connections the server neither answered nor closed within the time bound. */
  timedOut: number;
  refused: number;
  /** A response that names a file path or looks like a stack trace. */
  leaks: number;
}

/** Tallies outcomes. */
export function tally(outcomes: HostileOutcome[]): HostileTally {
  const t: HostileTally = {
    sent: outcomes.length,
    serverErrors: 0,
    nonProblem4xx: 0,
    statuses: {},
    closedSilently: 0,
    timedOut: 0,
    refused: 0,
    leaks: 0,
  };
  for (const o of outcomes) {
    if (o.status !== undefined) {
      t.statuses[o.status] = (t.statuses[o.status] ?? 0) + 1;
      if (o.status >= 500) t.serverErrors++;
      if (
        o.status >= 400 &&
        o.status < 500 &&
        !/^application\/problem\+json/.test(o.contentType ?? '')
      )
        t.nonProblem4xx++;
      if (/node_modules|\bat .*\(.*:\d+:\d+\)|\/src\//.test(o.bodyStart ?? '')) t.leaks++;
    }
    if (o.closedSilently) t.closedSilently++;
    if (o.timedOut) t.timedOut++;
    if (o.refused) t.refused++;
  }
  return t;
}

/** `count` cases taken in turn from `cases` (repeating them as needed). */
export function cycle(cases: HostileCase[], count: number): HostileCase[] {
  return Array.from({ length: count }, (_, i) => cases[i % cases.length] as HostileCase);
}

/** `count` aborted uploads, spread over every route and every way of aborting. */
export function abortedUploadBatch(count: number): HostileCase[] {
  return cycle(ROUTES.flatMap(abortedUploads), count);
}

/** `count` malformed requests: bad chunking, bad framing, oversized or garbage heads. */
export function malformedBatch(count: number): HostileCase[] {
  return cycle(malformedRequests(), count);
}

/**
 * Sends `cases` with at most `concurrency` connections at a time.
 */
export async function sendAll(
  target: Target,
  cases: HostileCase[],
  options: { concurrency?: number; timeoutMs?: number } = {},
): Promise<HostileOutcome[]> {
  const concurrency = options.concurrency ?? 8;
  const outcomes: HostileOutcome[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      outcomes[i] = await sendCase(target, cases[i] as HostileCase, options.timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}
