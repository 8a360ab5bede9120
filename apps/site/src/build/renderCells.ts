/**
 * The three cells' gate equations, typeset with KaTeX at build time, each with its parameter-count
 * formula and the counts of the registry's configs. The equations follow the doc comments of
 * `packages/core/src/cells/{simpleRnn,gru,lstm}.ts` (tfjs-layers' forms, row-vector convention).
 */

import type { CellKind, Manifest, ManifestModel } from '@gatecast/core';
import katex from 'katex';
import { formatCount } from '../shared/format.js';
import { architectureLabel, CELL_LABELS } from '../shared/modelLabel.js';
import {
  gateBlocks,
  kerasResetAfterGruParameters,
  layerCounts,
  recurrentLayerParameters,
  specParameterCount,
} from '../shared/parameterFormula.js';
import { escapeHtml } from './escapeHtml.js';

/** A cell's equations and parameter formula, in TeX. */
export interface CellTex {
  cell: CellKind;
  equations: string;
  parameterFormula: string;
  /** One sentence on what the gates do, plain text. */
  summary: string;
}

/** The equations, in the order the page shows them. */
export const CELL_TEX: readonly CellTex[] = [
  {
    cell: 'simpleRNN',
    equations: String.raw`h_t = \tanh\left(x_t W + h_{t-1} U + b\right)`,
    parameterFormula: String.raw`P = u\,(n + u + 1)`,
    summary:
      'One tanh layer fed its own previous state: nothing decides what to keep, so long-range information fades or explodes through repeated multiplication by U.',
  },
  {
    cell: 'lstm',
    equations: String.raw`\begin{aligned}
i_t &= \sigma\left(x_t W_i + h_{t-1} U_i + b_i\right) && \text{input gate}\\
f_t &= \sigma\left(x_t W_f + h_{t-1} U_f + b_f\right) && \text{forget gate}\\
g_t &= \tanh\left(x_t W_c + h_{t-1} U_c + b_c\right) && \text{candidate cell}\\
o_t &= \sigma\left(x_t W_o + h_{t-1} U_o + b_o\right) && \text{output gate}\\
c_t &= f_t \odot c_{t-1} + i_t \odot g_t\\
h_t &= o_t \odot \tanh\left(c_t\right)
\end{aligned}`,
    parameterFormula: String.raw`P = 4u\,(n + u + 1)`,
    summary:
      'A separate cell state c is updated additively: the forget gate decides how much of it survives each month, the input gate how much of the candidate is written, the output gate how much is shown. The forget bias starts at 1 (unitForgetBias, as Keras).',
  },
  {
    cell: 'gru',
    equations: String.raw`\begin{aligned}
z_t &= \sigma\left(x_t W_z + h_{t-1} U_z + b_z\right) && \text{update gate}\\
r_t &= \sigma\left(x_t W_r + h_{t-1} U_r + b_r\right) && \text{reset gate}\\
\tilde{h}_t &= \tanh\left(x_t W_h + \left(r_t \odot h_{t-1}\right) U_h + b_h\right) && \text{candidate}\\
h_t &= z_t \odot h_{t-1} + \left(1 - z_t\right) \odot \tilde{h}_t
\end{aligned}`,
    parameterFormula: String.raw`P = 3u\,(n + u + 1)`,
    summary:
      'Two gates and no separate cell: the update gate interpolates between the old state and a candidate, the reset gate decides how much of the old state the candidate may see.',
  },
];

/**
 * Typesets TeX as KaTeX HTML + MathML (the MathML is what screen readers read).
 *
 * @throws {katex.ParseError} on invalid TeX, so a typo fails the build instead of shipping
 */
export function typeset(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
}

/** Configs (one per config name) whose recurrent stack uses `cell`, in manifest order. */
export function configsUsing(manifest: Manifest, cell: CellKind): ManifestModel[] {
  const seen = new Set<string>();
  return manifest.models.filter((m) => {
    if (seen.has(m.configName) || !m.spec.recurrent.some((l) => l.cell === cell)) return false;
    seen.add(m.configName);
    return true;
  });
}

/**
 * Checks every manifest count against the formulas.
 *
 * @throws {RangeError} naming the first model whose manifest count differs from the formulas'
 */
export function checkParameterCounts(manifest: Manifest): void {
  for (const model of manifest.models) {
    const expected = specParameterCount(model.spec);
    if (expected !== model.parameterCount) {
      throw new RangeError(
        `${model.id}: the manifest counts ${model.parameterCount} parameters, the cell formulas ${expected}`,
      );
    }
  }
}

function countItem(model: ManifestModel, cell: CellKind): string {
  const layers = layerCounts(model.spec)
    .filter((l) => l.kind === cell)
    .map((l) => {
      const k = gateBlocks(cell);
      const factor = k === 1 ? '' : `${k}·`;
      return `${factor}${l.units}·(${l.inputWidth} + ${l.units} + 1) = <span class="num">${formatCount(l.parameters)}</span>`;
    })
    .join(' and ');
  return `<li><span class="model-id">${escapeHtml(model.configName)}</span> ${escapeHtml(architectureLabel(model.spec))}: ${layers} in the recurrent layer${model.spec.recurrent.length > 1 ? 's' : ''}; <span class="num">${formatCount(model.parameterCount)}</span> for the whole model with its dense head (manifest).</li>`;
}

function gruNote(manifest: Manifest): string {
  const gru = configsUsing(manifest, 'gru')[0];
  const units = gru?.spec.recurrent[0]?.units;
  const contrast =
    units === undefined
      ? ''
      : ` For GRU(${units}) on one input that form would have <span class="num">${formatCount(kerasResetAfterGruParameters(1, units))}</span> parameters instead of <span class="num">${formatCount(recurrentLayerParameters('gru', 1, units))}</span>.`;
  return `<p class="note">This is the GRU in its <code>reset_after=false</code> form (Cho et al. 2014), the only one tfjs-layers implements: the reset gate multiplies the old state <em>before</em> the recurrent product. Keras' GRU defaults to <code>reset_after=True</code>, which applies it after the product and adds a second bias, ${typeset(String.raw`P = 3u\,(n + u + 2)`, false)}.${contrast}</p>`;
}

/** Renders the cells section: equations, formulas and the manifest's counts. */
export function renderCells(manifest: Manifest): string {
  checkParameterCounts(manifest);
  const articles = CELL_TEX.map((tex) => {
    const label = CELL_LABELS[tex.cell];
    const counts = configsUsing(manifest, tex.cell)
      .map((m) => countItem(m, tex.cell))
      .join('\n');
    return `<article class="cell" id="cell-${tex.cell}" aria-labelledby="cell-${tex.cell}-title">
<h3 id="cell-${tex.cell}-title">${label}</h3>
<p>${escapeHtml(tex.summary)}</p>
<div class="math" tabindex="0" role="group" aria-label="${label} equations">${typeset(tex.equations, true)}</div>
<p>Parameters, for <i>n</i> inputs per step and <i>u</i> units: ${typeset(tex.parameterFormula, false)}.</p>
<ul class="counts">
${counts}
</ul>
${tex.cell === 'gru' ? gruNote(manifest) : ''}
</article>`;
  }).join('\n');
  return `<p>For input <i>x<sub>t</sub></i> (a row of width <i>n</i>; here one monthly value, <i>n</i> = 1), state <i>h<sub>t−1</sub></i> of width <i>u</i>, starting from zero; σ is the logistic function and ⊙ the elementwise product. Weights use the tfjs/Keras layout: each cell's kernels are its gates' blocks side by side.</p>
${articles}`;
}
