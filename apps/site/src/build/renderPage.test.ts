import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_FILE, HAVE_REGISTRY, INDEX_HTML, REGISTRY_DIR } from '../testing/paths.js';
import { escapeHtml } from './escapeHtml.js';
import { readSiteInputs } from './readRegistry.js';
import { fillTemplate, PLACEHOLDERS, type Placeholder, renderPage } from './renderPage.js';

const sections = Object.fromEntries(PLACEHOLDERS.map((name) => [name, `[${name}]`])) as Record<
  Placeholder,
  string
>;
const everyMarker = PLACEHOLDERS.map((name) => `<!-- gatecast:${name} -->`).join('');

describe('fillTemplate', () => {
  it('fills every placeholder, each occurrence', () => {
    const html = fillTemplate(`${everyMarker}<!-- gatecast:cells -->`, sections);
    expect(html).toBe(`${PLACEHOLDERS.map((n) => `[${n}]`).join('')}[cells]`);
  });
  it('inserts `$` sequences literally', () => {
    const html = fillTemplate(everyMarker, { ...sections, cells: '$& $1 $$' });
    expect(html).toContain('$& $1 $$');
  });
  it('refuses a template missing a placeholder or holding an unknown one', () => {
    expect(() => fillTemplate('<p></p>', sections)).toThrow(/lacks the placeholder/);
    expect(() => fillTemplate(`${everyMarker}<!-- gatecast:nope -->`, sections)).toThrow(/unknown/);
  });
  it('finds every placeholder in index.html', () => {
    expect(() => fillTemplate(readFileSync(INDEX_HTML, 'utf8'), sections)).not.toThrow();
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`a < b & "c" 'd'`)).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39;');
  });
});

describe.skipIf(!HAVE_REGISTRY)('renderPage on the committed registry', () => {
  const inputs = readSiteInputs({ registryDir: REGISTRY_DIR, dataFile: DATA_FILE });
  const page = renderPage(inputs);

  it('renders every section', () => {
    for (const name of PLACEHOLDERS) expect(page[name].length).toBeGreaterThan(0);
  });
  it('fills the Try-it box with the last window of the series', () => {
    const { values } = inputs.series;
    const window = page['try-window'].split(', ').map(Number);
    expect(window).toEqual(values.slice(-inputs.manifest.split.windowLength));
  });
  it('offers every served model, grouped by role, the default selected', () => {
    const options = page['model-options'].match(/<option /g) ?? [];
    expect(options.length).toBe(inputs.manifest.models.length);
    expect(page['model-options']).toContain(`value="${inputs.manifest.defaultModel}" selected`);
    const groups = [...page['model-options'].matchAll(/<optgroup label="([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(groups).toEqual([
      'Forecasters: relative protocol (scale-free)',
      'Lesson reproduction: reference protocol (raw levels, as the lesson)',
    ]);
    for (const model of inputs.manifest.models.filter((m) => m.role === 'lesson-reproduction')) {
      expect(page['model-options']).toMatch(
        new RegExp(`value="${model.id}">[^<]*, lesson reproduction</option>`),
      );
    }
  });
  it('writes the first request of "Try it" as curl and as a typed-client call', () => {
    const { manifest, series } = inputs;
    const window = series.values.slice(-manifest.split.windowLength);
    expect(page['try-curl']).toContain(
      escapeHtml(JSON.stringify({ model: manifest.defaultModel, window })),
    );
    expect(page['try-client']).toContain(`window: [${window.join(', ')}]`);
    expect(page['series-start']).toBe('January 1950');
  });
});
