// Compiles the server (src/main.ts and everything it imports) into one ES module, dist/main.mjs, with the
// npm packages left as imports. Production runs this instead of tsx: no compile step at start, no loader.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
