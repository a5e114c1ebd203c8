// Entry point of the policy benchmark's child process: prints one JSON result line.
import { runPolicyBench } from './policy.bench.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);
process.stdout.write(`${JSON.stringify(runPolicyBench({ seconds, rounds: 3 }))}\n`);
