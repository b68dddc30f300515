// The web app is a single-page app: adapter-static writes one fallback page that every app route
// gets, and the browser renders everything from the REST API. Asset URLs are absolute (/_app/…) so
// the same page works at any depth.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    paths: { relative: false },
    appDir: '_app',
    version: { pollInterval: 0 },
  },
};
