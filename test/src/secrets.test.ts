import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';

/** Shapes of credentials that must never be committed. */
const SECRET_PATTERNS: [string, RegExp][] = [
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['npm token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['Cloudflare API token assignment', /CLOUDFLARE_API_TOKEN\s*[=:]\s*["']?[A-Za-z0-9_-]{20,}/],
  ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['generic secret assignment', /\b(api[_-]?key|secret|password)\s*[=:]\s*["'][^"'\s]{12,}["']/i],
];

const tracked = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f.length > 0);

describe('the repository', () => {
  it('tracks no secret-bearing files (.env, .dev.vars, keys)', () => {
    const suspicious = tracked.filter((f) =>
      /(^|\/)(\.env(\.[^/]*)?|\.dev\.vars|[^/]*\.pem|[^/]*\.key|id_rsa[^/]*)$/.test(f),
    );
    expect(suspicious).toEqual([]);
  });

  it('commits no credential in any text file', () => {
    const findings: string[] = [];
    for (const file of tracked) {
      if (/\.(bin|wasm|png|jpg|woff2?|ttf)$/.test(file) || file === 'package-lock.json') continue;
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      for (const [name, pattern] of SECRET_PATTERNS) {
        if (pattern.test(text)) findings.push(`${file}: ${name}`);
      }
    }
    expect(findings).toEqual([]);
  });
});
