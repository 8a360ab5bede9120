import { execFileSync } from 'node:child_process';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  clientCall,
  curlCommand,
  FORECAST_PATH,
  forecastRequestBody,
  shellQuote,
} from './requestSnippets.js';

const body = forecastRequestBody('gru-32-nll@relative', [6001.25, 5900, 1e-7, 7412.55]);

/** The words bash makes of a command line: its own parsing, not ours. */
function bashWords(commandLine: string): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${commandLine}`]);
  return out.toString().split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('quotes any text so that bash reads it back unchanged', () => {
    for (const text of ["it's", 'a b', '$HOME `x` "q" \\n', "''", '']) {
      expect(bashWords(shellQuote(text))).toEqual([text]);
    }
  });
});

describe('curlCommand', () => {
  it('is a POST of the body as JSON to the forecast path, as bash parses it', () => {
    const command = curlCommand('http://127.0.0.1:8787', body);
    const words = bashWords(command.replace(/^curl /, ''));
    expect(words).toEqual([
      '-X',
      'POST',
      `http://127.0.0.1:8787${FORECAST_PATH}`,
      '-H',
      'content-type: application/json',
      '-d',
      JSON.stringify(body),
    ]);
    expect(JSON.parse(words[6] ?? '')).toEqual(body);
  });

  it('survives a quote in the model id', () => {
    const words = bashWords(curlCommand('https://x', forecastRequestBody("o'brien", [1])));
    expect(JSON.parse(words.at(-1) ?? '')).toEqual({ model: "o'brien", window: [1] });
  });
});

describe('clientCall', () => {
  it('is TypeScript that calls POST /v1/forecast with the body on a client for the origin', async () => {
    const source = clientCall('https://gatecast.example', body);
    const { outputText, diagnostics } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      reportDiagnostics: true,
    });
    expect(diagnostics).toEqual([]);
    // Run it with the import swapped for a recorder, to read back what it would call.
    const calls: unknown[] = [];
    const recorder = {
      createGatecastClient: (options: unknown) => ({
        POST: async (path: unknown, init: unknown) => {
          calls.push({ options, path, init });
          return { data: {}, error: undefined };
        },
      }),
    };
    const script = outputText.replace(
      /^import \{ createGatecastClient \} from '@gatecast\/client';$/m,
      'const { createGatecastClient } = recorder;',
    );
    expect(script).not.toContain('import ');
    await runInNewContext(`(async () => { ${script} })()`, { recorder });
    expect(calls).toEqual([
      {
        options: { baseUrl: 'https://gatecast.example' },
        path: '/v1/forecast',
        init: { body },
      },
    ]);
  });
});
