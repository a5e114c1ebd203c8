/**
 * The authorization matrix (PV-STF-1, PV-STF-2), part 3: the back-office pages, from web/app/lib/admin-pages.ts
 * (the web bundle must be built: node scripts/build-web.mjs).
 */
import { pageMatrixSuite } from './authorization/run-matrix.ts';

pageMatrixSuite('authorization matrix: back-office pages (PV-STF-1, PV-STF-2)');
