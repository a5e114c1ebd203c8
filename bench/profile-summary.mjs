/**
 * `node bench/profile-summary.mjs <file.cpuprofile> [top]`: the functions a `node --cpu-prof` profile spent
 * most self time in, and the same grouped by package (node_modules/<name>) or source folder, so that a
 * benchmark's CPU per request can be traced to its cause. Run the server under the bench with e.g.
 * BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench -- cases.
 */
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const hits = new Map();
const deltas = profile.timeDeltas;
for (const [i, id] of profile.samples.entries()) hits.set(id, (hits.get(id) ?? 0) + (deltas[i] ?? 0));
const total = [...hits.values()].reduce((a, b) => a + b, 0);

/** node_modules/<pkg> (scoped too), else the source folder, else the V8 pseudo-frame. */
function groupOf(url) {
  if (!url) return '(native)';
  const nm = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node internals';
  const src = url.match(/\/(src\/[^/]+(?:\/[^/]+)?)\//);
  return src ? src[1] : url.replace(/^.*\//, '');
}

const fns = new Map();
const groups = new Map();
for (const [id, us] of hits) {
  const n = byId.get(id);
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '')}:${f.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
  const g = groupOf(f.url);
  groups.set(g, (groups.get(g) ?? 0) + us);
}
const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`total sampled ${(total / 1000).toFixed(0)} ms\n\nby package / folder:`);
for (const [g, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(us)}  ${g}`);
console.log(`\ntop ${top} functions by self time:`);
for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);

// `… <file> <top> <name>`: who calls the functions named <name>, by self time spent in them under each caller
// chain (three frames up).
const callersOf = process.argv[4];
if (callersOf) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const chains = new Map();
  for (const [id, us] of hits) {
    const n = byId.get(id);
    if (n.callFrame.functionName !== callersOf) continue;
    const chain = [];
    for (let p = parent.get(id); p !== undefined && chain.length < 12; p = parent.get(p)) {
      const f = byId.get(p).callFrame;
      chain.push(
        `${f.functionName || '(anon)'}@${f.url.replace(/^.*node_modules\//, '').replace(/^.*\//, '')}:${f.lineNumber + 1}`,
      );
    }
    const key = chain.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + us);
  }
  console.log(`\ncallers of ${callersOf}:`);
  for (const [k, us] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${pct(us)}  ${k}`);
}
