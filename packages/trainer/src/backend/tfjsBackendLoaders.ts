import * as tf from '@tensorflow/tfjs';
import type { BackendLoader, BackendName } from './selectBackend.js';

/**
 * Activates a registered tfjs backend and checks that it really is the active one.
 *
 * tfjs' `setBackend` resolves to `false` (rather than throwing) when a backend fails to
 * initialize; this turns that into an error so the fallback moves on.
 */
async function activate(name: string): Promise<string> {
  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name) throw new Error(`tfjs backend "${name}" did not initialize`);
  return name;
}

/**
 * Imports an optional module by a name held in a variable, so bundlers and the type checker do
 * not require it to be installed. Failures are reported without file-system paths, since the
 * reason lands in the committed manifest.
 */
async function importOptional(specifier: string): Promise<unknown> {
  try {
    return await import(specifier);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND') throw new Error(`${specifier} is not installed`);
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new Error(`${specifier} failed to load: ${reason.replace(/(\/[^\s'"]+)+/g, '<path>')}`);
  }
}

/**
 * The real loaders: tfjs-node(-gpu) from the optional dependencies, wasm from
 * `@tensorflow/tfjs-backend-wasm`, cpu from tfjs itself.
 *
 * tfjs-node-gpu quietly runs on the CPU when CUDA/cuDNN are missing (tfjs #8269), so its loader
 * only accepts it when TensorFlow reports a GPU device.
 */
export const tfjsBackendLoaders: Record<BackendName, BackendLoader> = {
  'node-gpu': async () => {
    await importOptional('@tensorflow/tfjs-node-gpu');
    const name = await activate('tensorflow');
    const backend = tf.backend() as { isUsingGpuDevice?: boolean };
    if (backend.isUsingGpuDevice !== true) {
      throw new Error('tfjs-node-gpu loaded but TensorFlow found no GPU');
    }
    return name;
  },
  node: async () => {
    await importOptional('@tensorflow/tfjs-node');
    return activate('tensorflow');
  },
  wasm: async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    return activate('wasm');
  },
  cpu: async () => activate('cpu'),
};
