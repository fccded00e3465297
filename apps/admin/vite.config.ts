import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In dev the API runs beside Vite (npm start: port 3000); production uses src/server/serve.ts.
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/trpc': api, '/health': api, '/reports/': api } },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1200 },
});
