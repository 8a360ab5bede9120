import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_PATH, REFERENCE_CSV, scratchDir } from '../testing/paths.js';
import { recoverRegistry } from './writeRegistry.js';

/** Starts a quick CLI run and SIGKILLs it the moment its temporary registry appears. */
function killWhenExportStarts(outDir: string): Promise<{ killed: boolean }> {
  const parent = join(outDir, '..');
  const child = spawn(
    process.execPath,
    [
      CLI_PATH,
      '--data',
      REFERENCE_CSV,
      '--out',
      outDir,
      '--quick',
      '--configs',
      'gru-8',
      '--protocols',
      'relative',
      '--workers',
      '0',
    ],
    { stdio: 'ignore' },
  );
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (readdirSync(parent).some((n) => n.startsWith('models.tmp-'))) {
        child.kill('SIGKILL');
      }
    }, 2);
    child.on('exit', (_code, signal) => {
      clearInterval(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

describe('a trainer killed during export', () => {
  it('leaves the previous registry whole, and the next run cleans up after it', async () => {
    const outDir = join(scratchDir('kill'), 'models');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'manifest.json'), '{"previous":true}\n');

    const { killed } = await killWhenExportStarts(outDir);
    expect(killed).toBe(true);
    expect(readdirSync(outDir)).toEqual(['manifest.json']);
    expect(readdirSync(join(outDir, '..')).filter((n) => n.startsWith('models.tmp-'))).toHaveLength(
      1,
    );

    await recoverRegistry(outDir);
    expect(readdirSync(join(outDir, '..'))).toEqual(['models']);
    expect(existsSync(join(outDir, 'manifest.json'))).toBe(true);
  });

  it('puts back a registry moved aside when the kill fell between the two renames', async () => {
    const parent = scratchDir('swap');
    const outDir = join(parent, 'models');
    // What a kill between `rename(out, previous)` and `rename(tmp, out)` leaves (pid 2^22+1 is
    // above Linux's pid_max default, so no such process runs).
    mkdirSync(join(parent, 'models.previous-4194305-1'));
    writeFileSync(
      join(parent, 'models.previous-4194305-1', 'manifest.json'),
      '{"previous":true}\n',
    );
    mkdirSync(join(parent, 'models.tmp-4194305-1'));
    await recoverRegistry(outDir);
    expect(readdirSync(parent)).toEqual(['models']);
    expect(readdirSync(outDir)).toEqual(['manifest.json']);
  });
});
