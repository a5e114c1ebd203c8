/**
 * Assessments per second on one core over a realistic mix of claims: mostly defective and dead-on-arrival
 * claims, in and out of their windows, cheap and expensive items, with a share of incorrect-item and
 * change-of-mind requests. The mix is generated from a fixed seed so runs compare.
 */
import { assessClaim, type ClaimInput } from '../src/aftersales/policy.ts';
import { DAY_MS, toIsoString } from '../src/shared/time.ts';

export interface PolicyBenchResult {
  scenario: string;
  claims: number;
  assessmentsPerSecond: number;
  nsPerAssessment: number;
  eligibleShare: number;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function claimMix(count: number, seed = 42): ClaimInput[] {
  const rnd = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const base = Date.UTC(2026, 0, 1);
  const claims: ClaimInput[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    const kind: ClaimInput['kind'] =
      r < 0.45 ? 'defective' : r < 0.75 ? 'dead_on_arrival' : r < 0.9 ? 'incorrect_item' : 'change_of_mind';
    const shipped = base + Math.floor(rnd() * 300) * DAY_MS + Math.floor(rnd() * DAY_MS);
    const traceable = rnd() < 0.85;
    const delivered = shipped + Math.floor(rnd() * 8 * DAY_MS);
    const from = traceable ? delivered : shipped;
    const openedAfter = kind === 'dead_on_arrival' ? rnd() * 6 * DAY_MS : rnd() * 420 * DAY_MS;
    const category = pick(['smartphone', 'smartphone', 'tablet', 'wearable', 'accessory', 'other'] as const);
    claims.push({
      kind,
      openedAt: toIsoString(from + Math.floor(openedAfter)),
      shippedAt: toIsoString(shipped),
      deliveredAt: traceable ? toIsoString(delivered) : null,
      item: {
        category,
        unitPriceCents: pick([1999, 4999, 9999, 10000, 24900, 39900, 79900, 129900]),
        clearance: rnd() < 0.1,
        specialWarranty: rnd() < 0.05,
        openedByCustomer: rnd() < 0.1,
      },
      facts: {
        troubleshootingDone: rnd() < 0.6,
        misuse: rnd() < 0.08,
        physicalDamage: rnd() < 0.08,
        ...(kind === 'incorrect_item' ? { onlyLogoOrPackagingDiffers: rnd() < 0.3 } : {}),
        ...(rnd() < 0.3
          ? { componentsToReplace: [pick(['screen', 'battery', 'motherboard'] as const)] }
          : {}),
        ...(rnd() < 0.5 ? { returnShippingFeeCents: Math.floor(rnd() * 2500) } : {}),
      },
    });
  }
  return claims;
}

export function runPolicyBench({ seconds = 2, rounds = 3 } = {}): PolicyBenchResult {
  // Claims arrive as JSON (the API, the database); parsing gives flat strings as in production.
  const claims = JSON.parse(JSON.stringify(claimMix(10_000))) as ClaimInput[];
  let eligible = 0;
  for (const claim of claims) if (assessClaim(claim).eligible) eligible++;
  // Warm up so the figure is the optimised code, not the interpreter.
  for (let i = 0; i < 200_000; i++) assessClaim(claims[i % claims.length] as ClaimInput);

  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let done = 0;
    const start = process.hrtime.bigint();
    const stopAt = start + BigInt(Math.round(seconds * 1e9));
    let now = start;
    while (now < stopAt) {
      for (let i = 0; i < claims.length; i++) assessClaim(claims[i] as ClaimInput);
      done += claims.length;
      now = process.hrtime.bigint();
    }
    rates.push(done / (Number(now - start) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] as number;
  return {
    scenario: 'assessClaim, realistic mix',
    claims: claims.length,
    assessmentsPerSecond: Math.round(median),
    nsPerAssessment: Math.round(1e9 / median),
    eligibleShare: Math.round((eligible / claims.length) * 1000) / 1000,
  };
}
