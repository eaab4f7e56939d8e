import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import tailwindcss from '@tailwindcss/vite';

// `npm run dev` serves the UI with hot reload on :5173 and proxies the API to the service on :8080;
// `npm run build` writes the bundle where Maven packs it into the service (served at /).
export default defineConfig({
  plugins: [svelte(), tailwindcss()],
  build: { outDir: '../target/frontend/META-INF/resources', emptyOutDir: true },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:8080', ws: true },
      '/images': 'http://localhost:8080',
    },
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
