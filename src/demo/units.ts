// The demo force's hierarchy: force > districts > departments > teams, with what each team does.
import type { HighRiskRole, WorkerType } from './vocabulary.js';

/** What a team does: decides who works there, their role, risk and overtime. */
export type TeamKind =
  | 'response'
  | 'neighbourhood'
  | 'cid'
  | 'child_abuse'
  | 'online_child_abuse'
  | 'offender_management'
  | 'firearms'
  | 'roads'
  | 'control_room'
  | 'support';

export interface DemoUnit {
  unit_id: string;
  parent_id: string;
  name: string;
  level: 'force' | 'district' | 'department' | 'team';
  /** Team kind (teams only). */
  kind?: TeamKind;
  /** District index, 0-based (districts, departments, teams). */
  district?: number;
  /** Department code such as 'RESP' (departments and teams). */
  department?: string;
}

/** A team kind's staffing: relative headcount per worker type, role names and risk category. */
export interface KindProfile {
  staffing: Record<WorkerType, number>;
  roles: Partial<Record<WorkerType, string>>;
  highRisk: HighRiskRole | '';
  overtime: number;
}

const DEPARTMENTS: { code: string; name: string; teams: { kind: TeamKind; names: string[] } }[] = [
  { code: 'RESP', name: 'Response', teams: { kind: 'response', names: ['A', 'B', 'C', 'D', 'E'] } },
  {
    code: 'NBH',
    name: 'Neighbourhood',
    teams: { kind: 'neighbourhood', names: ['1', '2', '3', '4'] },
  },
  { code: 'CID', name: 'CID', teams: { kind: 'cid', names: ['A', 'B', 'C'] } },
  { code: 'PP', name: 'Public Protection', teams: { kind: 'child_abuse', names: [] } },
  { code: 'OPS', name: 'Operations', teams: { kind: 'firearms', names: [] } },
  { code: 'CON', name: 'Contact', teams: { kind: 'control_room', names: ['1', '2'] } },
  { code: 'SUP', name: 'Support', teams: { kind: 'support', names: ['Admin', 'Custody'] } },
];

const SPECIAL_TEAMS: Record<string, { code: string; kind: TeamKind; name: string }[]> = {
  PP: [
    { code: 'CAIT', kind: 'child_abuse', name: 'Child Abuse Investigation Team' },
    { code: 'OCAT', kind: 'online_child_abuse', name: 'Online Child Abuse Team' },
    { code: 'OMT', kind: 'offender_management', name: 'Offender Management Team' },
  ],
  OPS: [
    { code: 'ARV', kind: 'firearms', name: 'Armed Response Team' },
    { code: 'RPU', kind: 'roads', name: 'Roads Policing Team' },
  ],
};

const DISTRICT_NAMES = ['North', 'South', 'East', 'West'];

/** Staffing weights per team of each kind (people per team, relative, by worker type). */
export const KIND_PROFILES: Record<TeamKind, KindProfile> = {
  response: profile(
    [10, 0, 0, 6, 0],
    { officer: 'response_officer', special: 'special_constable' },
    '',
    1.2,
  ),
  neighbourhood: profile(
    [4, 0.5, 6, 4, 3],
    {
      officer: 'neighbourhood_officer',
      staff: 'community_support',
      pcso: 'pcso',
      special: 'special_constable',
      volunteer: 'police_support_volunteer',
    },
    '',
    0.9,
  ),
  cid: profile([5, 3, 0, 0, 0], { officer: 'detective', staff: 'investigator' }, '', 1.2),
  child_abuse: profile(
    [3, 2, 0, 0, 0],
    { officer: 'detective', staff: 'investigator' },
    'child_abuse_investigation',
    1.1,
  ),
  online_child_abuse: profile(
    [2, 2, 0, 0, 0],
    { officer: 'detective', staff: 'digital_investigator' },
    'online_child_abuse',
    1.1,
  ),
  offender_management: profile(
    [2, 3, 0, 0, 0],
    { officer: 'offender_manager', staff: 'offender_manager' },
    'offender_management',
    0.9,
  ),
  firearms: profile([4, 0, 0, 0, 0], { officer: 'authorised_firearms_officer' }, 'firearms', 1.3),
  roads: profile([3, 0, 0, 0, 0], { officer: 'roads_policing_officer' }, '', 1.1),
  control_room: profile(
    [1, 10, 0, 0, 0],
    { officer: 'control_room_supervisor', staff: 'call_handler' },
    'control_room',
    1.0,
  ),
  support: profile(
    [0.5, 10, 0, 0, 2],
    { officer: 'custody_officer', staff: 'admin_officer', volunteer: 'police_support_volunteer' },
    '',
    0.5,
  ),
};

/**
 * The unit tree of a force with `districts` districts: 1 force, districts, 7 departments each, 21 teams each.
 * Ids: FORCE, D1, D1-RESP, D1-RESP-B …; names: "North District", "North Response Team B" ….
 * @example buildUnits(4).length // 117
 */
export function buildUnits(districts: number): DemoUnit[] {
  if (!Number.isInteger(districts) || districts < 1) {
    throw new Error(`buildUnits: districts must be a whole number ≥ 1, got ${districts}.`);
  }
  const units: DemoUnit[] = [
    { unit_id: 'FORCE', parent_id: '', name: 'Demo Constabulary', level: 'force' },
  ];
  for (let d = 0; d < districts; d++) {
    const districtId = `D${d + 1}`;
    const prefix = DISTRICT_NAMES[d] ?? `District ${d + 1}`;
    units.push({
      unit_id: districtId,
      parent_id: 'FORCE',
      name: DISTRICT_NAMES[d] === undefined ? prefix : `${prefix} District`,
      level: 'district',
      district: d,
    });
    for (const dept of DEPARTMENTS) {
      const deptId = `${districtId}-${dept.code}`;
      units.push({
        unit_id: deptId,
        parent_id: districtId,
        name: `${prefix} ${dept.name}`,
        level: 'department',
        district: d,
        department: dept.code,
      });
      const teams =
        SPECIAL_TEAMS[dept.code] ??
        dept.teams.names.map((n) => ({
          code: n.toUpperCase(),
          kind: dept.teams.kind,
          name: `${dept.name} Team ${n}`,
        }));
      for (const team of teams) {
        units.push({
          unit_id: `${deptId}-${team.code}`,
          parent_id: deptId,
          name: `${prefix} ${team.name}`,
          level: 'team',
          kind: team.kind,
          district: d,
          department: dept.code,
        });
      }
    }
  }
  return units;
}

/** Number of districts for a force of `people` people: 4 up to 4,000 people, then one per 1,000. */
export function districtsFor(people: number): number {
  return Math.max(4, Math.round(people / 1000));
}

function profile(
  w: [number, number, number, number, number],
  roles: Partial<Record<WorkerType, string>>,
  highRisk: HighRiskRole | '',
  overtime: number,
): KindProfile {
  return {
    staffing: { officer: w[0], staff: w[1], pcso: w[2], special: w[3], volunteer: w[4] },
    roles,
    highRisk,
    overtime,
  };
}
