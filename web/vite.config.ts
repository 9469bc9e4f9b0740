import { defineConfig } from 'vite';

// Built into web/dist and served by `uncounted serve`; no CDN, no inline
// scripts (the server's Content-Security-Policy forbids them).
export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
