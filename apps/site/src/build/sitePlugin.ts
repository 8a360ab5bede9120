/**
 * The Vite plugin that builds the page from the registry: it fills `index.html`'s placeholders
 * with static HTML (readable without JavaScript) and serves the browser's registry extract as the
 * virtual module `virtual:gatecast/site-data`.
 */
import type { Plugin } from 'vite';
import { readSiteInputs, type SiteInputs } from './readRegistry.js';
import { fillTemplate, renderPage } from './renderPage.js';
import { buildSiteData } from './siteData.js';

/** The import specifier the browser code uses for the registry extract. */
export const SITE_DATA_MODULE = 'virtual:gatecast/site-data';
const RESOLVED_SITE_DATA = `\0${SITE_DATA_MODULE}`;

/** Where the plugin reads from. */
export interface SitePluginOptions {
  /** Directory holding `manifest.json`, `results.json` and `intervals.json`. */
  registryDir: string;
  /** The monthly series CSV the registry was trained on. */
  dataFile: string;
}

/**
 * Creates the plugin. The registry is read once per build (and again when its files change under
 * `vite dev`); a registry the site cannot render fails the build.
 */
export function gatecastSite(options: SitePluginOptions): Plugin {
  let inputs: SiteInputs | undefined;
  const load = () => {
    inputs ??= readSiteInputs(options);
    return inputs;
  };
  return {
    name: 'gatecast-site',
    buildStart() {
      inputs = undefined;
      for (const file of ['manifest.json', 'results.json', 'intervals.json']) {
        this.addWatchFile(`${options.registryDir}/${file}`);
      }
      this.addWatchFile(options.dataFile);
    },
    resolveId(id) {
      return id === SITE_DATA_MODULE ? RESOLVED_SITE_DATA : undefined;
    },
    load(id) {
      if (id !== RESOLVED_SITE_DATA) return undefined;
      return `export default ${JSON.stringify(buildSiteData(load()))};`;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        return fillTemplate(html, renderPage(load()));
      },
    },
  };
}
