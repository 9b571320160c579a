import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

// The dashboard lives in web/ and builds to web/dist, which the server serves at `/` (SPA fallback).
// In development, Vite serves the dashboard and forwards server routes to `chatsyncs start`.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/webhooks': { target: apiTarget, changeOrigin: false },
      '/sandbox': { target: apiTarget, changeOrigin: false, ws: true },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
