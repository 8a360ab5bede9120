/**
 * The host's allocator over the kernels' own linear memory: regions are taken bottom-up from the
 * module's heap base, 16-byte aligned, and never freed (a worker loads its models once; a
 * trainer builds one network per run). The memory grows as needed; views are re-made after it
 * grows, so never keep one across an allocation.
 */
import type { WasmMemory } from './wasmApi.js';

const PAGE = 65_536;

export class Arena {
  readonly #memory: WasmMemory;
  #top: number;
  #floats: Float32Array;

  constructor(memory: WasmMemory, heapBase: number) {
    this.#memory = memory;
    this.#top = heapBase;
    this.#floats = new Float32Array(memory.buffer);
  }

  /**
   * Reserves `floats` zeroed float32s.
   *
   * @returns the region's byte offset (a multiple of 16).
   */
  alloc(floats: number): number {
    const at = this.#top;
    const end = at + Math.ceil((4 * floats) / 16) * 16;
    const have = this.#memory.buffer.byteLength;
    if (end > have) this.#memory.grow(Math.ceil((end - have) / PAGE));
    this.#top = end;
    return at;
  }

  /** Bytes reserved so far, heap base included. */
  get used(): number {
    return this.#top;
  }

  /** A float32 view of the whole memory (index = byte offset / 4). */
  floats(): Float32Array {
    if (this.#floats.buffer !== this.#memory.buffer) {
      this.#floats = new Float32Array(this.#memory.buffer);
    }
    return this.#floats;
  }
}
