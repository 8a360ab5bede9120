/** The registry extract the Vite plugin `gatecastSite` generates at build time. */
declare module 'virtual:gatecast/site-data' {
  import type { SiteData } from '../shared/siteData.js';

  const data: SiteData;
  export default data;
}
