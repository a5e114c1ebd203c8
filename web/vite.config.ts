import { fileURLToPath } from 'node:url';
import { reactRouter } from '@react-router/dev/vite';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [tailwindcss(), reactRouter()],
  resolve: {
    alias: [{ find: /^~\//, replacement: fileURLToPath(new URL('./app/', import.meta.url)) }],
  },
  build: {
    sourcemap: false,
    // build/ is outside web/: Vite empties it only when told (scripts/build-web.mjs removes it anyway).
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // Resource routes (robots.txt, sitemap.xml, theme.css) have no browser code: their chunk is empty.
        if (warning.code === 'EMPTY_BUNDLE') return;
        warn(warning);
      },
    },
  },
});
