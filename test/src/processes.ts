import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

/** A command we started, with everything it printed so far. */
export interface Started {
  child: ChildProcess;
  output: () => string;
  /** Stops the command and every process it started, by PID. */
  stop: () => Promise<void>;
}

/**
 * The environment a person's shell would give the commands these tests run: this process's,
 * without what npm and turbo set for the test run itself — `npm_*`, `INIT_CWD`, turbo's own, and
 * the `node_modules/.bin` entries npm puts first on PATH. With those, a nested `npm ci` would run
 * on this checkout's Node 22 and read its prefix's npmrc instead of the machine's (losing, here,
 * the machine's CA file). Plus offline wrangler, no telemetry, no colour.
 */
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_|INIT_CWD$|TURBO_)/i.test(key)),
);
const shellPath = (process.env.PATH ?? '')
  .split(':')
  .filter((dir) => !/node_modules\/\.bin$|node-gyp-bin$/.test(dir))
  .join(':');
export const testEnv = {
  ...inherited,
  PATH: shellPath,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  TURBO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

/** Starts `command args` in `cwd`. */
export function start(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Started {
  const child = spawn(command, args, { cwd, env: { ...testEnv, ...env } });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output, stop: () => stopTree(child) };
}

/** Every process below `pid`, children first found by walking `ps`' parent links. */
export function descendants(pid: number): number[] {
  const table = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout ?? '';
  const children = new Map<number, number[]>();
  for (const line of table.split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child === undefined || parent === undefined || Number.isNaN(child)) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      found.push(c);
      walk(c);
    }
  };
  walk(pid);
  return found;
}

function signal(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

/**
 * Stops a command we started and everything below it, by PID. Its process group is not enough:
 * turbo runs each task in a group of its own, so `npm start`'s wrangler and workerd would outlive
 * a group kill and keep port 8787.
 */
async function stopTree(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const tree = [child.pid, ...descendants(child.pid)];
  signal(tree, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && tree.some((pid) => alive(pid))) {
    await new Promise((r) => setTimeout(r, 200));
  }
  signal(tree, 'SIGKILL');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): string {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...testEnv, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${output.slice(-4000)}`,
    );
  return output;
}

/** Polls `url` until it answers 200, or fails after `seconds`, showing what the server printed. */
export async function waitFor(url: string, server: Started, seconds = 300): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(
        `the server exited with ${server.child.exitCode}:\n${server.output().slice(-4000)}`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `${url} did not answer 200 within ${seconds} s:\n${server.output().slice(-4000)}`,
  );
}
