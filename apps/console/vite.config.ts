import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bundleBudget } from './bundle-budget.ts';

// The gateway serves dist/ at / (hashed assets under /assets, long cached); the CSP allows no inline script, and Vite emits none.
export default defineConfig({
  plugins: [react(), bundleBudget()],
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
