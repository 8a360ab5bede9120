import { assertModelSpec, outputCount } from '@gatecast/core';
import { split } from '@gatecast/core/kernels';
import { dispose, memory, scalar, type Tensor, tensor, tidy } from '@tensorflow/tfjs-core';
import type { Engine, ModelRunner } from './engine.js';
import { startWasmBackend } from './startWasmBackend.js';
import { type Constants, prepareDenseLayer, prepareRecurrentLayer } from './tfLayers.js';

let constants: Constants | undefined;

/**
 * The wasm engine: tfjs-core kernels on the wasm SIMD backend, with the forward pass written out
 * in `tfLayers.ts` (no tfjs-layers). Each model's weights become tensors once, at `load`; each
 * `predict` runs inside `tidy`, so it leaves no tensor behind.
 *
 * @param simdModule - `tfjs-backend-wasm-simd.wasm`, imported as a module.
 * @throws Error when the backend cannot start (see {@link startWasmBackend}).
 */
export async function createWasmEngine(simdModule: WebAssembly.Module): Promise<Engine> {
  const { simd } = await startWasmBackend(simdModule);
  constants ??= { one: scalar(1, 'float32'), two: scalar(2, 'float32') };
  const shared = constants;
  return {
    name: 'wasm',
    simd,
    memory() {
      const { numTensors, numBytes } = memory();
      return { tensors: numTensors, bytes: numBytes };
    },
    load(spec, weights): ModelRunner {
      assertModelSpec(spec);
      const recurrent = spec.recurrent.map((layer, i) => {
        const layerWeights = weights.recurrent[i];
        if (!layerWeights) throw new Error(`no weights for recurrent layer ${i}`);
        return prepareRecurrentLayer(layer, layerWeights, shared);
      });
      const head = spec.head.map((layer, i) => {
        const layerWeights = weights.dense[i];
        if (!layerWeights) throw new Error(`no weights for dense layer ${i}`);
        return prepareDenseLayer(layer, layerWeights);
      });
      const owned: Tensor[] = [...recurrent, ...head].flatMap((layer) => layer.tensors);
      const steps = spec.windowLength;
      return {
        // The head's last layer has `outputs` units, so its [1, count, outputs] result read
        // row-major is already the contract's [count · outputs].
        outputs: outputCount(spec),
        predict(windows, count) {
          if (windows.length !== count * steps) {
            throw new Error(`expected ${count}×${steps} inputs, got ${windows.length}`);
          }
          return tidy(() => {
            const x = tensor(windows, [1, count, steps], 'float32');
            // [1, count, T] → T tensors [1, count, 1], one per month.
            let sequence = steps === 1 ? [x] : split(x, new Array<number>(steps).fill(1), 2);
            for (const layer of recurrent) sequence = layer.run(sequence, count);
            let y = sequence[sequence.length - 1] as Tensor;
            for (const layer of head) y = layer.run(y);
            return new Float32Array(y.dataSync() as Float32Array);
          });
        },
        dispose() {
          dispose(owned);
        },
      };
    },
  };
}
