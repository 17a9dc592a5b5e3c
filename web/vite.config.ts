import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The site: built into web/dist, which the Worker serves as static assets next to the API.
export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The .wasm binaries and weights are fetched as files, never inlined.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  worker: {
    // Module worker: lets the engine import backends lazily (code splitting inside the worker).
    format: 'es',
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787', '/r/': 'http://127.0.0.1:8787' },
  },
});
