import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The portal: built to portal/dist, served by the local stack (npm start) and by CloudFront in AWS. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // the benchmark reads the first page's chunks from the manifest
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    // rolldown's "slow plugin" report names DSFR's 2 MB stylesheet on a 2-core machine: not actionable
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: 'es' },
});
