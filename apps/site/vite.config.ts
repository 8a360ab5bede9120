/**
 * Builds the static site into `dist/`: `index.html` is filled from the model registry at build
 * time (see `src/build/sitePlugin.ts`). `GATECAST_MODELS_DIR` points the build at another registry
 * directory (default: the repository's `models/`).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { scalarStandalone } from './src/build/scalarAsset.js';
import { gatecastSite } from './src/build/sitePlugin.js';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [
    gatecastSite({
      registryDir: process.env.GATECAST_MODELS_DIR ?? root('../../models'),
      dataFile: root('../../data/sp500_monthly.csv'),
    }),
    // Scalar's API reference UI for the worker's /docs, served from this origin (no CDN).
    scalarStandalone(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fonts and the favicon stay files: the CSP allows no data: fonts.
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    // `vite dev` talks to a worker started with `npm start` at the repository root.
    proxy: { '/v1': 'http://127.0.0.1:8787', '/health': 'http://127.0.0.1:8787' },
  },
  preview: { host: '127.0.0.1' },
});
