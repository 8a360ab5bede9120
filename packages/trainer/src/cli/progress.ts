import { openSync } from 'node:fs';
import { WriteStream } from 'node:tty';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { SweepEvent, TrainJob } from '../train/jobs.js';

/** Reports a sweep's progress: bars on a terminal, one plain line per event elsewhere. */
export interface ProgressReporter {
  onEvent(event: SweepEvent): void;
  stop(): void;
}

/** `gru-32@relative seed 2`; a backtest job adds its origin's month: `… 2011-01 seed 2`. */
const label = (job: TrainJob) =>
  `${job.configName}@${job.protocol}${job.dataKey ? ` ${job.dataKey.slice(0, 7)}` : ''} seed ${job.seed}`;

/**
 * Set to `1` by `npm run train` when a person watches a terminal: turbo hands the task's output
 * to a pipe and prints it line by line, so bars drawn there would never move.
 */
export const TERMINAL_PROGRESS_ENV = 'GATECAST_TERMINAL_PROGRESS';

/**
 * The controlling terminal, opened for writing, when stderr is not one but
 * {@link TERMINAL_PROGRESS_ENV} says a person watches it (and turbo's full-screen UI does not own
 * it); otherwise `undefined`.
 */
export function watchedTerminal(env: NodeJS.ProcessEnv = process.env): WriteStream | undefined {
  if (process.stderr.isTTY || env[TERMINAL_PROGRESS_ENV] !== '1' || env.TURBO_IS_TUI === 'true') {
    return undefined;
  }
  try {
    return new WriteStream(openSync('/dev/tty', 'w'));
  } catch {
    return undefined; // no controlling terminal after all
  }
}

/**
 * Progress bars (overall and one per running job: epoch, loss, ETA) when `stream` is a TTY;
 * otherwise plain lines for the backend chosen and each finished run. Without a `stream`: stderr,
 * or the {@link watchedTerminal} when there is one (then nothing goes to stderr while it runs).
 */
export function createProgressReporter(
  totalJobs: number,
  epochs: number,
  stream?: NodeJS.WriteStream,
): ProgressReporter {
  const terminal = stream ? undefined : watchedTerminal();
  const target = stream ?? terminal ?? process.stderr;
  const reporter = target.isTTY
    ? barReporter(totalJobs, epochs, target)
    : lineReporter(totalJobs, target);
  if (!terminal) return reporter;
  return {
    onEvent: (event) => reporter.onEvent(event),
    stop() {
      reporter.stop();
      terminal.destroy();
    },
  };
}

function lineReporter(totalJobs: number, stream: NodeJS.WriteStream): ProgressReporter {
  let done = 0;
  const started = performance.now();
  return {
    onEvent(event) {
      if (event.type === 'backend') {
        const skipped = event.choice.skipped.map((s) => `${s.backend}: ${s.error}`).join('; ');
        stream.write(
          `worker ${event.worker}: backend ${event.choice.backend}${skipped ? ` (skipped ${skipped})` : ''}\n`,
        );
      } else if (event.type === 'done') {
        done++;
        const elapsed = (performance.now() - started) / 1000;
        const eta = (elapsed / done) * (totalJobs - done);
        const loss = event.result.losses.at(-1) ?? Number.NaN;
        stream.write(
          `[${done}/${totalJobs}] ${label(event.job)}: ${event.result.trainingSeconds.toFixed(1)} s, loss ${loss.toPrecision(4)}, ETA ${eta.toFixed(0)} s\n`,
        );
      }
    },
    stop() {},
  };
}

function barReporter(
  totalJobs: number,
  epochs: number,
  stream: NodeJS.WriteStream,
): ProgressReporter {
  const multibar = new MultiBar(
    {
      stream,
      clearOnComplete: false,
      hideCursor: true,
      format: '{name} |{bar}| {value}/{total} {unit} | loss {loss} | ETA {eta_formatted}',
    },
    Presets.shades_classic,
  );
  const overall = multibar.create(totalJobs, 0, {
    name: 'sweep'.padEnd(38),
    unit: 'runs',
    loss: '-',
  });
  const bars = new Map<number, SingleBar>();
  return {
    onEvent(event) {
      switch (event.type) {
        case 'backend':
          multibar.log(`worker ${event.worker}: backend ${event.choice.backend}\n`);
          break;
        case 'start':
          bars.set(
            event.job.index,
            multibar.create(epochs, 0, {
              name: label(event.job).padEnd(38),
              unit: 'epochs',
              loss: '-',
            }),
          );
          break;
        case 'epoch':
          bars.get(event.job.index)?.update(event.epoch, { loss: event.loss.toPrecision(4) });
          break;
        case 'done': {
          const bar = bars.get(event.job.index);
          if (bar) multibar.remove(bar);
          bars.delete(event.job.index);
          overall.increment(1, { loss: (event.result.losses.at(-1) ?? Number.NaN).toPrecision(4) });
          break;
        }
      }
    },
    stop: () => multibar.stop(),
  };
}
