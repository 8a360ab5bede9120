import { describe, expect, it } from 'vitest';
import {
  AUTO_ORDER,
  type BackendLoader,
  type BackendName,
  NoBackendError,
  selectBackend,
} from './selectBackend.js';

/** Loaders that record the order they were tried in; those named in `failing` throw. */
function fakeLoaders(failing: BackendName[]) {
  const tried: BackendName[] = [];
  const loader =
    (name: BackendName): BackendLoader =>
    async () => {
      tried.push(name);
      if (failing.includes(name)) throw new Error(`${name} is not installed`);
      return `tfjs-${name}`;
    };
  const loaders = Object.fromEntries(AUTO_ORDER.map((n) => [n, loader(n)])) as Record<
    BackendName,
    BackendLoader
  >;
  return { loaders, tried };
}

describe('selectBackend', () => {
  it('takes the GPU first when it loads', async () => {
    const { loaders, tried } = fakeLoaders([]);
    const choice = await selectBackend('auto', loaders);
    expect(choice).toEqual({ backend: 'node-gpu', tfjsBackend: 'tfjs-node-gpu', skipped: [] });
    expect(tried).toEqual(['node-gpu']);
  });

  it('falls back node-gpu → node → wasm → cpu, recording why each was skipped', async () => {
    const { loaders, tried } = fakeLoaders(['node-gpu', 'node']);
    const choice = await selectBackend('auto', loaders);
    expect(choice.backend).toBe('wasm');
    expect(tried).toEqual(['node-gpu', 'node', 'wasm']);
    expect(choice.skipped).toEqual([
      { backend: 'node-gpu', error: 'node-gpu is not installed' },
      { backend: 'node', error: 'node is not installed' },
    ]);
  });

  it('reaches cpu when everything faster fails', async () => {
    const { loaders, tried } = fakeLoaders(['node-gpu', 'node', 'wasm']);
    expect((await selectBackend('auto', loaders)).backend).toBe('cpu');
    expect(tried).toEqual(AUTO_ORDER);
  });

  it('does not fall back from an explicitly requested backend', async () => {
    const { loaders, tried } = fakeLoaders(['node']);
    await expect(selectBackend('node', loaders)).rejects.toThrow(NoBackendError);
    expect(tried).toEqual(['node']);
  });

  it('names every failure when nothing loads', async () => {
    const { loaders } = fakeLoaders([...AUTO_ORDER]);
    await expect(selectBackend('auto', loaders)).rejects.toThrow(
      /node-gpu \(node-gpu is not installed\).*cpu \(cpu is not installed\)/,
    );
  });
});
