#!/usr/bin/env node
// Completes package-lock.json after `npm install` on a machine whose registry serves only its own
// platform's builds. Packages such as @biomejs/biome and turbo list one optional dependency per
// platform; when the registry answers 404 for the others, npm leaves them out of the lockfile and
// `npm ci` then refuses the lockfile as out of sync. This adds each missing optional dependency
// as a stub entry (version only, optional): `npm ci` accepts it and skips it as an optional
// package that is unavailable here, exactly as it would skip another platform's build.
//
// Usage: node scripts/complete-lockfile.mjs   (run after any dependency change; idempotent)
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [key, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    // npm resolves a dependency in the nearest node_modules up the tree; stubs go at the top.
    const nested = `${key}/node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (packages[nested] || packages[top]) continue;
    packages[top] = { version, ...(meta.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
if (added > 0) writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  `complete-lockfile: ${added} missing optional dependenc${added === 1 ? 'y' : 'ies'} added`,
);
