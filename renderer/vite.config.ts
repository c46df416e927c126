// The renderer's build, shared by electron-vite (the app) and the browser harness (tests),
// so both serve exactly the same bundle.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const rendererConfig = {
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../out/renderer'),
    emptyOutDir: true,
    // Source maps would ship the whole source inside the installer; keep them out.
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'index.html') } },
  },
};

export default defineConfig(rendererConfig);
