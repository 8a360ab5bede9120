import { describe, expect, it } from 'vitest';
import { fixtureRegistry } from '../testing/fixtureRegistry.js';
import {
  CELL_TEX,
  checkParameterCounts,
  configsUsing,
  renderCells,
  typeset,
} from './renderCells.js';

const { manifest } = fixtureRegistry();

describe('typeset', () => {
  it('renders TeX to KaTeX HTML with MathML for screen readers', () => {
    const html = typeset(String.raw`h_t = \tanh(x_t W)`, true);
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<math');
  });
  it('fails on invalid TeX instead of shipping it', () => {
    expect(() => typeset(String.raw`\frac{`, false)).toThrow();
  });
});

describe('CELL_TEX', () => {
  it('typesets every cell’s equations and parameter formula', () => {
    for (const tex of CELL_TEX) {
      expect(() => typeset(tex.equations, true)).not.toThrow();
      expect(() => typeset(tex.parameterFormula, false)).not.toThrow();
    }
  });
  it('states the equations of core’s cells (gates in tfjs order)', () => {
    const byCell = Object.fromEntries(CELL_TEX.map((t) => [t.cell, t.equations]));
    // packages/core/src/cells/gru.ts: reset gate applied before the recurrent product.
    expect(byCell.gru).toContain(String.raw`\left(r_t \odot h_{t-1}\right) U_h`);
    expect(byCell.gru).toContain(
      String.raw`h_t &= z_t \odot h_{t-1} + \left(1 - z_t\right) \odot \tilde{h}_t`,
    );
    // packages/core/src/cells/lstm.ts
    expect(byCell.lstm).toContain(String.raw`c_t &= f_t \odot c_{t-1} + i_t \odot g_t`);
    expect(byCell.lstm).toContain(String.raw`h_t &= o_t \odot \tanh\left(c_t\right)`);
    expect(byCell.simpleRNN).toBe(String.raw`h_t = \tanh\left(x_t W + h_{t-1} U + b\right)`);
  });
});

describe('checkParameterCounts', () => {
  it('accepts counts that match the cell formulas', () => {
    expect(() => checkParameterCounts(manifest)).not.toThrow();
  });
  it('refuses a manifest count the formulas do not give', () => {
    const { manifest: wrong } = fixtureRegistry();
    const model = wrong.models[1];
    if (model) model.parameterCount += 96;
    expect(() => checkParameterCounts(wrong)).toThrow(/gru-32@reference/);
  });
});

describe('renderCells', () => {
  const html = renderCells(manifest);

  it('shows the three cells in order with their counts from the manifest', () => {
    const order = ['cell-simpleRNN', 'cell-lstm', 'cell-gru'].map((id) =>
      html.indexOf(`id="${id}"`),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('32·(1 + 32 + 1) = <span class="num">1,088</span>');
    expect(html).toContain('4·32·(1 + 32 + 1) = <span class="num">4,352</span>');
    expect(html).toContain('<span class="num">4,897</span> for the whole model');
  });

  it('says the GRU is tfjs’ reset_after=false form, unlike Keras’ default', () => {
    expect(html).toContain('<code>reset_after=false</code>');
    expect(html).toContain("Keras' GRU defaults to <code>reset_after=True</code>");
    expect(html).toContain(
      '<span class="num">3,360</span> parameters instead of <span class="num">3,264</span>',
    );
  });

  it('lists each config once though it is trained under two protocols', () => {
    expect(configsUsing(manifest, 'lstm').map((m) => m.configName)).toEqual(['lstm-32']);
  });
});
