/**
 * The authorization matrix (PV-STF-1, PV-STF-2), part 2: the back office's API (/api/admin), where the roles and
 * the record visibility (assigned, unassigned, technician, maintenance access) decide.
 */
import { apiMatrixSuite } from './authorization/run-matrix.ts';

apiMatrixSuite('authorization matrix: back-office API (PV-STF-1, PV-STF-2)', (key) =>
  key.includes(' /api/admin/'),
);
