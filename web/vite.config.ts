import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// `vite dev` in web/ forwards the server's paths to a `lightpath serve` on LIGHTPATH_DEV_API
// (default http://127.0.0.1:8000), so pages can be worked on with hot reload.
const api = process.env.LIGHTPATH_DEV_API ?? 'http://127.0.0.1:8000';
const forwarded = ['/rest', '/api', '/download', '/data', '/healthz'];

export default defineConfig({
  plugins: [sveltekit()],
  server: { proxy: Object.fromEntries(forwarded.map((prefix) => [prefix, api])) },
  build: { chunkSizeWarningLimit: 400 },
});
