import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { helpText } from './command.js';

/** Each option's help: its flags and the text after them, joined across wrapped lines. */
function optionHelp(text: string): Map<string, string> {
  const options = new Map<string, string>();
  let current: string | undefined;
  for (const line of text.slice(text.indexOf('Options:')).split('\n').slice(1)) {
    const start = /^ {2}(-[^ ]*(?: <[^>]+>)?(?:, --[^ ]+)?)\s+(.*)$/.exec(line);
    if (start?.[1] && start[2] !== undefined) {
      current = start[1];
      options.set(current, start[2]);
    } else if (current && /^\s{3,}\S/.test(line)) {
      options.set(current, `${options.get(current)} ${line.trim()}`);
    } else {
      current = undefined;
    }
  }
  return options;
}

describe('helpText', () => {
  it('states each default once, in commander’s (default: …), never also in the description', () => {
    const options = optionHelp(helpText());
    expect(options.size).toBeGreaterThanOrEqual(14);
    for (const [flag, text] of options) {
      const defaults = /\(default: ([^)]*)\)$/.exec(text)?.[1];
      if (defaults === undefined) continue;
      const description = text.slice(0, text.lastIndexOf('(default:'));
      expect(description, flag).not.toMatch(/default/);
      for (const value of defaults.replaceAll('"', '').split(/, | /)) {
        if (value.length > 2 && !['both', 'all:', 'one', 'per', 'core,', 'here'].includes(value)) {
          expect(description.includes(value), `${flag} repeats ${value}`).toBe(false);
        }
      }
    }
    expect(options.get('--workers <count>')).toMatch(
      new RegExp(`\\(default: one per core, ${availableParallelism()} here\\)$`),
    );
    expect(options.get('--quick')).not.toContain('default');
    expect(options.get('--epochs <count>')).toMatch(/\(default: 40\)$/);
  });

  it('shows the binary’s own paths, relative to where it runs', () => {
    const text = helpText();
    expect(text).toMatch(/^Usage: gatecast-train \[options\]/);
    expect(optionHelp(text).get('--data <file>')).toMatch(
      /\(default: "data\/sp500_monthly\.csv"\)$/,
    );
    expect(optionHelp(text).get('--out <dir>')).toMatch(/\(default: "models"\)$/);
  });

  it('shows the paths a wrapping command passes, and its notes', () => {
    const text = helpText({
      name: 'npm run train --',
      dataFile: 'data/sp500_monthly.csv',
      outDir: 'models/',
      where: 'in the repository',
      relativeTo: 'the directory npm runs in',
      notes: 'Runs through turbo.',
    });
    expect(text).toMatch(/^Usage: npm run train -- \[options\]/);
    const options = optionHelp(text);
    expect(options.get('--data <file>')).toMatch(
      /a relative path is taken from the directory npm runs in \(default: data\/sp500_monthly\.csv in the repository\)$/,
    );
    expect(options.get('--out <dir>')).toMatch(/\(default: models\/ in the repository\)$/);
    expect(text.trimEnd()).toMatch(/\n\nRuns through turbo\.$/);
  });
});
