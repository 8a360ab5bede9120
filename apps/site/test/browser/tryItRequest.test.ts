/**
 * "Try it" shows the request it makes — as a curl command and as a call of the typed client —
 * for the page's own origin, kept in step with every edit of the form; and both, run against the
 * worker — the curl command by bash, the call with the real `@gatecast/client` — get the very
 * forecast the page shows.
 */
import { execFileSync } from 'node:child_process';
import { runInNewContext } from 'node:vm';
import type { Page } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPoints } from '../../src/shared/format.js';
import { launchChromium, type TestBrowser } from './chromium.js';
import { manifest, series } from './registry.js';

const baseUrl = inject('baseUrl');
const apiAvailable = inject('apiAvailable');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The JSON body inside the curl command the page shows, as bash reads the command. */
function curlBody(command: string): unknown {
  const words = execFileSync('bash', ['-c', `printf '%s\\0' ${command.replace(/^curl /, '')}`])
    .toString()
    .split('\0');
  return JSON.parse(words[words.indexOf('-d') + 1] ?? '');
}

/**
 * Runs the typed-client call the page shows, as TypeScript transpiled to JavaScript, with the
 * real `@gatecast/client` in place of its import; returns what its `POST` returned.
 */
async function runClientCall(
  source: string,
): Promise<{ data?: { model: string; forecast: number }; error?: unknown }> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const importLine = /^import \{ createGatecastClient \} from '@gatecast\/client';$/m;
  expect(outputText).toMatch(importLine);
  const script = outputText.replace(importLine, 'const { createGatecastClient } = client;');
  return runInNewContext(`(async () => { ${script}\nreturn { data, error }; })()`, {
    client: await import('@gatecast/client'),
  });
}

async function snippets(page: Page) {
  return {
    curl: (await page.textContent('#try-curl')) ?? '',
    client: (await page.textContent('#try-client')) ?? '',
    state: await page.getAttribute('#try-request', 'data-state'),
  };
}

const windowOf = (end: string) => {
  const last = series.dates.indexOf(`${end}-01`);
  return series.values.slice(last - manifest.split.windowLength + 1, last + 1);
};

describe('Try it’s request', () => {
  it('follows the form: the window typed, the model picked, a stretch filled', async () => {
    const { page } = await browser.page();
    await page.goto(`${baseUrl}/`);
    const origin = new URL(baseUrl).origin;
    const latest = series.values.slice(-manifest.split.windowLength);

    let shown = await snippets(page);
    expect(shown.state).toBe('ready');
    expect(shown.curl).toContain(`'${origin}/v1/forecast'`);
    expect(curlBody(shown.curl)).toEqual({ model: manifest.defaultModel, window: latest });
    expect(shown.client).toContain(`createGatecastClient({ baseUrl: '${origin}' })`);
    expect(shown.client).toContain(`gatecast.POST('/v1/forecast', {`);
    expect(shown.client).toContain(`model: '${manifest.defaultModel}',`);
    expect(shown.client).toContain(`window: [${latest.join(', ')}],`);

    // Typing: every keystroke rewrites both.
    await page.fill('#try-window', '4000, 4100.5');
    await page.type('#try-window', ' 4200');
    shown = await snippets(page);
    expect(curlBody(shown.curl)).toEqual({
      model: manifest.defaultModel,
      window: [4000, 4100.5, 4200],
    });
    expect(shown.client).toContain('window: [4000, 4100.5, 4200],');

    // Another model.
    const other = manifest.models.find((m) => m.id !== manifest.defaultModel);
    if (!other) throw new Error('one model only');
    await page.selectOption('#try-model', other.id);
    shown = await snippets(page);
    expect(curlBody(shown.curl)).toMatchObject({ model: other.id });
    expect(shown.client).toContain(`model: '${other.id}',`);

    // Filled from the series.
    await page.fill('#stretch-end', '2008-09');
    await page.click('#stretch-fill');
    shown = await snippets(page);
    expect(curlBody(shown.curl)).toEqual({ model: other.id, window: windowOf('2008-09') });

    // Not a window: no request, and it says why.
    await page.fill('#try-window', '4000, four');
    shown = await snippets(page);
    expect(shown.state).toBe('invalid');
    expect(await page.textContent('#try-request-note')).toContain('“four” is not a number');
  });

  it.skipIf(!apiAvailable)(
    'after a forecast, its curl and its client call get the forecast it shows; it says what the API answered',
    async () => {
      const { page } = await browser.page();
      await page.goto(`${baseUrl}/`);
      const model = manifest.models.find(
        (m) => m.role === 'forecaster' && m.id !== manifest.defaultModel,
      );
      if (!model) throw new Error('no second forecaster');
      await page.fill('#stretch-end', '2019-12');
      await page.click('#stretch-fill');
      await page.selectOption('#try-model', model.id);
      await page.click('#try-form button[type="submit"]');
      await page.waitForSelector('#try-result[data-state="forecast"]');
      expect(await page.textContent('#try-request-note')).toContain(
        `The page sent this request for ${model.id} with ${manifest.split.windowLength} monthly levels; the API answered with a forecast.`,
      );

      const { curl } = await snippets(page);
      const answer = JSON.parse(
        execFileSync('bash', ['-c', `${curl} --silent --show-error --max-time 30`]).toString(),
      ) as { model: string; forecast: number };
      expect(answer.model).toBe(model.id);
      expect(await page.textContent('#try-result [data-field="forecast"]')).toBe(
        formatPoints(answer.forecast),
      );

      // The typed-client call it shows, run with the real @gatecast/client: the same forecast.
      const { client: source } = await snippets(page);
      const { data, error } = await runClientCall(source);
      expect(error).toBeUndefined();
      expect(data?.model).toBe(model.id);
      expect(data?.forecast).toBe(answer.forecast);

      // A bad window: the note carries the API's status.
      await page.fill('#try-window', series.values.slice(-5).join(', '));
      await page.click('#try-form button[type="submit"]');
      await page.waitForSelector('#try-result[data-state="error"]');
      expect(await page.textContent('#try-request-note')).toMatch(/the API answered 4\d\d \(/);
    },
  );
});
