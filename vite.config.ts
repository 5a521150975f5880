import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Initial JavaScript budget (gzipped), tiles excluded: the entry chunk and everything it imports statically. */
const INITIAL_JS_BUDGET = 300 * 1024;

/**
 * Prints the gzipped size of the JavaScript a first visit downloads (entry chunk
 * plus its static imports; lazy routes excluded) and fails the build over budget.
 */
function initialJsSize(): Plugin {
  return {
    name: 'initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[] }>();
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type === 'chunk') chunks.set(file, { code: out.code, imports: out.imports });
      }
      const entries = Object.values(bundle).filter((o) => o.type === 'chunk' && o.isEntry).map((o) => o.fileName);
      const seen = new Set<string>();
      const visit = (f: string) => {
        if (seen.has(f) || !chunks.has(f)) return;
        seen.add(f);
        chunks.get(f)!.imports.forEach(visit);
      };
      entries.forEach(visit);
      let raw = 0;
      let gz = 0;
      for (const f of seen) {
        const code = chunks.get(f)!.code;
        raw += Buffer.byteLength(code);
        gz += gzipSync(code, { level: 9 }).length;
      }
      let lazy = 0;
      for (const [f, c] of chunks) if (!seen.has(f)) lazy += gzipSync(c.code, { level: 9 }).length;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const line = `initial JavaScript: ${kb(gz)} gzipped (${kb(raw)} raw, ${seen.size} chunk(s)); lazy chunks: ${kb(lazy)} gzipped; budget ${kb(INITIAL_JS_BUDGET)}`;
      console.log(`\n${line}`);
      if (gz > INITIAL_JS_BUDGET) this.error(`initial JavaScript over budget: ${line}`);
    },
  };
}

const apiPort = process.env.API_PORT ?? '3000';

export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [react(), initialJsSize()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: Number(process.env.CLIENT_PORT ?? 5173),
    proxy: {
      '/api': { target: `http://localhost:${apiPort}`, changeOrigin: false },
      '/ors': { target: `http://localhost:${apiPort}`, changeOrigin: false },
    },
  },
});
