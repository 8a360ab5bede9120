import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryFormatError } from '@gatecast/core/registry';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureBacktest } from '../testing/fixtureBacktest.js';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import { readBacktest } from './readBacktest.js';

describe('readBacktest', () => {
  const { manifest } = fixtureRegistry();
  const dirs: string[] = [];
  const registry = (content?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'site-backtest-'));
    dirs.push(dir);
    if (content !== undefined) writeFileSync(join(dir, 'backtest.json'), content);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads a backtest run on the manifest’s series', () => {
    const input = readBacktest(registry(JSON.stringify(fixtureBacktest())), manifest);
    expect('backtest' in input && input.backtest.design.origins).toHaveLength(3);
  });

  it('says why when there is none, or it ran on other data', () => {
    expect(readBacktest(registry(), manifest)).toEqual({
      unavailable: 'the registry has no backtest.json (npm run backtest writes it)',
    });
    const other = readBacktest(
      registry(JSON.stringify(fixtureBacktest('cd'.repeat(32)))),
      manifest,
    );
    expect(other).toEqual({
      unavailable: expect.stringMatching(
        /^backtest\.json was run on other data \(sha256 cdcdcdcdcdcd…\) than the models \(abababababab…\); rerun npm run backtest$/,
      ),
    });
  });

  it('refuses a file that is not a backtest', () => {
    expect(() => readBacktest(registry('{"format":'), manifest)).toThrow(RegistryFormatError);
    const wrong = { ...fixtureBacktest(), formatVersion: 99 };
    expect(() => readBacktest(registry(JSON.stringify(wrong)), manifest)).toThrow(
      /backtest\.json is invalid: formatVersion/,
    );
  });
});
