import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Tests run inside workerd, configured from wrangler.jsonc so flags and module rules live in one
// place. Run with CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false (npm test sets them).
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.jsonc' } })],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    maxWorkers: 1,
  },
});
