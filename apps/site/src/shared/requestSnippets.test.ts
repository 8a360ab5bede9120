import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

/**
 * Type-checks TypeScript source as if it were a file of this package, against the real
 * `@gatecast/client` (its types are generated from the worker's OpenAPI document at its build).
 */
let lastProgram: ts.Program | undefined;
function typeErrors(source: string): string[] {
  const file = fileURLToPath(new URL('./snippet.check.ts', import.meta.url));
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : read(name, version, ...rest);
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || exists(name);
  // The previous program's files (the client's types, openapi-fetch's, the libs) are reused.
  const program = ts.createProgram([file], options, host, lastProgram);
  lastProgram = program;
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('clientCall', () => {
  it('type-checks against @gatecast/client, whose types refuse a model the API does not serve', () => {
    const errors = typeErrors(clientCall('http://127.0.0.1:8787', body));
    expect(
      errors,
      'no types for @gatecast/client? build it first: npm run build -w @gatecast/client',
    ).toEqual([]);
    const wrong = typeErrors(
      clientCall('http://127.0.0.1:8787', forecastRequestBody('transformer-9000', [1])),
    );
    expect(wrong.join('\n')).toMatch(/transformer-9000/);
  }, 60_000);

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
