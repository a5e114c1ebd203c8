/**
 * The project's clause catalogue, docs/clauses.md: one `| ID | rule | settings |` row per clause. Tests read it
 * to check that the policy page and the engine's reasons name only clauses the shop has written down.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/shared/paths.ts';

const catalogue = readFileSync(join(projectRoot, 'docs', 'clauses.md'), 'utf8');

/** Clause IDs in the order the catalogue lists them, optionally only those of one family ('AS', 'PV', 'SH'). */
export function catalogueClauseIds(family?: 'AS' | 'PV' | 'SH'): string[] {
  const ids = [...catalogue.matchAll(/^\| ((?:AS|PV|SH)-[A-Z]+-\d+) \|/gm)].map((m) => m[1] as string);
  return family ? ids.filter((id) => id.startsWith(`${family}-`)) : ids;
}
