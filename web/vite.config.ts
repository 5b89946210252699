import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.TANDEM_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    // The server reads the manifest to link the public community pages to their own small bundle.
    manifest: true,
    rolldownOptions: {
      input: { app: fileURLToPath(new URL('./index.html', import.meta.url)), forum: fileURLToPath(new URL('./src/forum/main.tsx', import.meta.url)) },
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for React Server Components; irrelevant in a SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/ready': { target: apiTarget, changeOrigin: false },
    },
  },
});
