import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFigureInputs, renderFigures } from '../../scripts/readme-figures.mjs';
import { REPO_ROOT } from './paths.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const ciRun = readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8');
const { manifest, backtest } = readFigureInputs();

/** The commands in the README's "two commands" block, without their comments. */
function twoCommands(): string[] {
  const section = readme.split('## The two commands')[1] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.length > 0);
}

describe('README', () => {
  it('shows an install-and-start command and a test command', () => {
    expect(twoCommands()).toEqual(['npm ci && npm start', 'npm test']);
  });

  it('is what .ci/run runs: the same install, then the same test command', () => {
    const commands = ciRun
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^npm /.test(l) || /\bnpm test\b/.test(l));
    expect(commands[0]).toMatch(/^npm ci\b/);
    expect(ciRun).toMatch(/^npm test 2>&1 \| tee "\$log"$/m);
    expect(twoCommands()[1]).toBe('npm test');
  });

  it('shows exactly the figures of the committed manifest and backtest', () => {
    expect(readme).toContain(renderFigures(manifest, backtest));
  });
});
