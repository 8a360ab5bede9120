/** Wrangler's `Data` rule: a `.bin` import is its bytes. */
declare module '*.bin' {
  const bytes: ArrayBuffer;
  export default bytes;
}

/** Wrangler's `CompiledWasm` rule: a `.wasm` import is a compiled module. */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
