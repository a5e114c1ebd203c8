// Compiles the server (src/main.ts and everything it imports) into one ES module, dist/main.mjs, with the
// npm packages left as imports, and the HEIC decoding thread beside it. Production runs this instead of tsx: no compile step at start, no loader.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/main.mjs' });
// The HEIC decoding thread (src/aftersales/evidence/heic-decoder.ts looks for it beside main.mjs).
await build({
  ...common,
  entryPoints: ['src/aftersales/evidence/heic-worker.ts'],
  outfile: 'dist/heic-worker.mjs',
});
