// A force figure that every unit's report repeats: the force shows people by role with role R1's 12
// hidden; each unit's report shows R1 and R2 in its unit, in the rest of the organisation and in the
// whole force (R1's whole hidden unless given). Shared by the audit and run-protection tests.
import type { AuditTable } from '../../../src/privacy/audit.js';

export const HIDDEN = '[c]';

/** The force's table: R1 12 (hidden), R2 40. */
export function forceByRole(name = 'force/by_role'): AuditTable {
  return {
    name,
    columns: ['role', 'people'],
    by: ['role'],
    countColumns: ['people'],
    period: '2025-03',
    rows: [
      ['R1', HIDDEN],
      ['R2', 40],
    ],
  };
}

/** Unit k's report: its `team` of R1's 12 and `r2` of R2's 40, beside the rest and the whole. */
export function unitByRole(
  k: number,
  team: number,
  r2: number,
  { whole = HIDDEN, table = 'by_role' }: { whole?: number | string; table?: string } = {},
): AuditTable {
  return {
    name: `units/U${k}/${table}`,
    columns: ['role', 'unit', 'people'],
    by: ['role', 'unit'],
    countColumns: ['people'],
    period: '2025-03',
    total: 'All',
    rest: { label: 'Rest of organisation', unit: `U${k}` },
    rows: [
      ['R1', `U${k}`, team],
      ['R1', 'Rest of organisation', 12 - team],
      ['R1', 'All', whole],
      ['R2', `U${k}`, r2],
      ['R2', 'Rest of organisation', 40 - r2],
      ['R2', 'All', 40],
    ],
  };
}
