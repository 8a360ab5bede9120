import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SweepEvent, TrainJob } from '../train/jobs.js';
import { createProgressReporter, watchedTerminal } from './progress.js';

const job = (index: number, seed: number) =>
  ({ index, configName: 'gru-8', protocol: 'relative', seed }) as TrainJob;

const done = (index: number, seed: number, loss: number) =>
  ({
    type: 'done',
    job: job(index, seed),
    result: { trainingSeconds: 1.25, losses: [0.5, loss] },
  }) as unknown as SweepEvent;

describe('createProgressReporter', () => {
  it('writes one plain line per event when the stream is not a terminal', () => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk) => {
      text += chunk;
    });
    const progress = createProgressReporter(2, 40, stream as unknown as NodeJS.WriteStream);
    progress.onEvent({
      type: 'backend',
      worker: 0,
      choice: { backend: 'wasm', skipped: [{ backend: 'node', error: 'not installed' }] },
    } as unknown as SweepEvent);
    progress.onEvent({ type: 'start', job: job(0, 1) } as SweepEvent);
    progress.onEvent({ type: 'epoch', job: job(0, 1), epoch: 1, loss: 0.5 } as SweepEvent);
    progress.onEvent(done(0, 1, 0.25));
    progress.onEvent(done(1, 2, 0.125));
    progress.stop();
    const lines = text.split('\n');
    expect(lines[0]).toBe('worker 0: backend wasm (skipped node: not installed)');
    expect(lines[1]).toMatch(/^\[1\/2\] gru-8@relative seed 1: 1\.3 s, loss 0\.2500, ETA \d+ s$/);
    expect(lines[2]).toMatch(/^\[2\/2\] gru-8@relative seed 2: 1\.3 s, loss 0\.1250, ETA 0 s$/);
    expect(lines.slice(3)).toEqual(['']);
    expect(text).not.toContain('\u001b');
  });

  it('opens no terminal unless asked to, or when turbo’s full-screen UI owns it', () => {
    expect(watchedTerminal({})).toBeUndefined();
    expect(
      watchedTerminal({ GATECAST_TERMINAL_PROGRESS: '1', TURBO_IS_TUI: 'true' }),
    ).toBeUndefined();
  });
});
