/**
 * The authorization matrix (PV-STF-1, PV-STF-2), part 1: the storefront, the order's link, customer accounts and
 * the staff session's own routes. Parts 2 and 3 (authorization-admin, authorization-pages) run in parallel.
 */
import { apiMatrixSuite } from './authorization/run-matrix.ts';

apiMatrixSuite(
  'authorization matrix: public, customer and staff-session routes (PV-STF-1, PV-STF-2)',
  (key) => !key.includes(' /api/admin/'),
);
