/** wrangler turns a `.wasm` import into a precompiled module (Workers cannot compile at run time). */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
