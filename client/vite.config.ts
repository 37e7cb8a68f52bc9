/** Builds the board UI into dist/client, which the server serves. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    // Assets are content-hashed, so old and new builds can share the folder: a page (or a test
    // server) still holding the previous index.html keeps finding its chunks. The build script
    // prunes what no build has referenced for a while.
    emptyOutDir: false,
    sourcemap: false,
    // scripts/build-client.ts reads it to report what each route loads first.
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
      '/yjs': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
