// h5wasm-plugins ships no types; this is the one function used (it points h5wasm's filter
// search path at the plugins inside the package).
declare module 'h5wasm-plugins' {
  export function install_local_plugins(module: unknown): void;
}
