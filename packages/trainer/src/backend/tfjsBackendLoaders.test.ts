import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './selectBackend.js';
import { tfjsBackendLoaders } from './tfjsBackendLoaders.js';

const installed = (name: string) => {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
};

describe('tfjsBackendLoaders', () => {
  it('falls back past tfjs-node when it is not installed, and activates what it chose', async () => {
    const choice = await selectBackend('auto', tfjsBackendLoaders);
    expect(tf.getBackend()).toBe(choice.tfjsBackend);
    if (!installed('@tensorflow/tfjs-node') && !installed('@tensorflow/tfjs-node-gpu')) {
      expect(choice.backend).toBe('wasm');
      expect(choice.skipped.map((s) => s.backend)).toEqual(['node-gpu', 'node']);
    }
  });

  it('loads wasm and cpu on request', async () => {
    expect((await selectBackend('cpu', tfjsBackendLoaders)).tfjsBackend).toBe('cpu');
    expect((await selectBackend('wasm', tfjsBackendLoaders)).tfjsBackend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });
});
