/**
 * The browser app: two entries built by Vite into web/dist, served by `lantu serve` on its one port:
 * the staff workspace (index.html, React + Ant Design + ECharts) at /, and the public portal
 * (public.html, React only, charts loaded after first paint) at /public.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { index: 'web/index.html', public: 'web/public.html' },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
