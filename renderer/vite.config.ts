// The renderer's build, shared by electron-vite (the app) and the browser harness (tests),
// so both serve exactly the same bundle.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// Not import.meta.dirname: electron-vite rewrites import.meta.url when it loads this file, but not that.
const here = dirname(fileURLToPath(import.meta.url));

export const rendererConfig: UserConfig = {
  root: resolve(here),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../out/renderer'),
    emptyOutDir: true,
    // Source maps would ship the whole source inside the installer; keep them out.
    sourcemap: false,
    // Explicit: electron-vite's defaults differ from Vite's, and both builds must be the same.
    minify: 'esbuild' as const,
    cssMinify: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { index: resolve(here, 'index.html') },
      onwarn(warning, warn) {
        // zod's comments confuse Rollup's annotation parser; harmless, and noise in every build.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
};

export default defineConfig(rendererConfig);
