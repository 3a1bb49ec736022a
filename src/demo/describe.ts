// The manifest's content: sizes, files, the planted effects with their unit ids and names, measured shape.
import type { ForceContext } from './context.js';
import { EFFECTS } from './effects.js';
import {
  GENERATOR_VERSION,
  type DemoManifest,
  type PlantedEffect,
  type ResolvedDemoOptions,
} from './manifest.js';
import { KIND_PROFILES } from './units.js';
import type { CsvFile } from './write.js';
import * as V from './vocabulary.js';
import { DEMO_COLUMNS, type DemoFileName } from './columns.js';

/** Running counts behind the manifest's calibration figures. */
export interface Calibration {
  leavers: number;
  transfers: number;
  voluntary: number;
  voluntaryUnder5: number;
  officerLeavers: number;
  officerTransfers: number;
  officerVoluntary: number;
  officerVoluntaryUnder5: number;
  daysLost: number;
  daysAvailable: number;
  spells: number;
  rejoiners: number;
}

/**
 * The manifest of a finished run (see docs/demo-force.md for what each planted effect means).
 * @example buildManifest(ctx, resolved, files, calibration, 'P000042', 12.3)
 */
export function buildManifest(
  ctx: ForceContext,
  options: ResolvedDemoOptions,
  files: Record<DemoFileName, CsvFile>,
  c: Calibration,
  neglected: string | undefined,
  seconds: number,
): DemoManifest {
  const unit = (id: string): { unit_id: string; name: string } => ({
    unit_id: id,
    name: ctx.units.find((u) => u.unit_id === id)?.name ?? id,
  });
  const highRiskTeams = ctx.teams.filter((t) => KIND_PROFILES[t.kind!].highRisk !== '');
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : Number((a / b).toFixed(4)));
  const effects: PlantedEffect[] = [
    {
      id: 'overtime_raises_sickness_and_resignation',
      description:
        'Each person has an overtime propensity z ~ N(0,1): overtime claims × exp(0.6·z), sickness spell rate × exp(0.25·z), voluntary-resignation hazard × exp(0.4·z). Heavy-overtime people are off sick and resign more.',
      units: [],
      parameters: { ...EFFECTS.overtime },
    },
    {
      id: 'high_risk_roles_raise_mental_health_absence',
      description:
        'In high-risk teams (child abuse investigation, online child abuse, offender management, firearms, control room) the mental-health weight of every sickness spell is × 3 and the spell rate × 1.15.',
      units: highRiskTeams.map((t) => ({ unit_id: t.unit_id, name: t.name })),
      parameters: { ...EFFECTS.highRisk },
    },
    {
      id: 'hot_teams',
      description:
        'Two teams run hot: more sickness, overtime claims, rest days worked and voluntary resignation; lower staff-survey well-being; more workload per FTE and more vacancies.',
      units: EFFECTS.hotTeams.unitIds.map(unit),
      parameters: { ...EFFECTS.hotTeams, unitIds: undefined },
    },
    {
      id: 'early_service_resignation',
      description:
        'The voluntary-resignation hazard per year falls steeply after 5 years of service, so most voluntary resignations come in the first 5 years.',
      units: [],
      parameters: { hazard_by_completed_service_year: EFFECTS.resignationByService },
    },
    {
      id: 'women_resign_early_in_one_department',
      description:
        'In one department, women under 3 years of service have 4 × the voluntary-resignation hazard of men.',
      units: [unit(EFFECTS.womenEarlyResignation.departmentId)],
      parameters: { ...EFFECTS.womenEarlyResignation },
    },
  ];
  return {
    generator: 'wellbeing-kit demo force (src/demo)',
    version: GENERATOR_VERSION,
    options,
    window: {
      start_date: ctx.dates.format(ctx.first),
      end_date: ctx.dates.format(ctx.last),
      as_of_date: ctx.dates.format(ctx.last),
    },
    sizes: {
      units: ctx.units.length,
      teams: ctx.teams.length,
      districts: ctx.units.filter((u) => u.level === 'district').length,
      people: options.people,
      spells: c.spells,
      rejoiners: c.rejoiners,
      leavers: c.leavers,
    },
    files: Object.fromEntries(
      (Object.keys(files) as DemoFileName[]).map((name) => [
        name,
        { rows: files[name].rows, bytes: files[name].bytes, columns: [...DEMO_COLUMNS[name]] },
      ]),
    ),
    planted_effects: effects,
    vocabularies: {
      worker_type: [...V.WORKER_TYPES],
      leaver_type: [...V.LEAVER_TYPES],
      high_risk_role: [...V.HIGH_RISK_ROLES],
      sex: [...V.SEXES],
      ethnicity_group: [...V.ETHNICITY_GROUPS],
      disability: [...V.DISABILITY],
      entry_route: [...V.ENTRY_ROUTES],
      age_band: [...V.AGE_BANDS],
      exit_reason: [...V.EXIT_REASONS],
      compensation: [...V.COMPENSATION],
      overtime_reason: [...V.OVERTIME_REASONS],
      sickness_reason: [...V.SICKNESS_REASONS],
      oh_reason: [...V.OH_REASONS],
      welfare_kind: [...V.WELFARE_KINDS],
      unit_level: [...V.UNIT_LEVELS],
      indicator: [...V.INDICATORS],
    },
    data_quality: {
      poor_equality_data: {
        ...unit(EFFECTS.poorEqualityData.districtId),
        ethnicity_not_stated: EFFECTS.poorEqualityData.ethnicityNotStated,
        ethnicity_missing: EFFECTS.poorEqualityData.ethnicityMissing,
      },
      welfare_check_overdue_over_4_years: neglected ?? null,
      open_sickness_spells: 'end_date empty; working_days_lost counted to as_of_date',
      multi_line_comments: 'about 5% of exit-interview comments hold a line break (quoted field)',
    },
    calibration: {
      voluntary_share_of_leavers_excluding_transfers: ratio(c.voluntary, c.leavers - c.transfers),
      voluntary_under_5_years_share: ratio(c.voluntaryUnder5, c.voluntary),
      officer_voluntary_share_of_leavers_excluding_transfers: ratio(
        c.officerVoluntary,
        c.officerLeavers - c.officerTransfers,
      ),
      officer_voluntary_under_5_years_share: ratio(c.officerVoluntaryUnder5, c.officerVoluntary),
      sickness_lost_time_rate: ratio(c.daysLost, c.daysAvailable),
    },
    generation_seconds: Number(seconds.toFixed(2)),
    generated_at: new Date().toISOString(),
  };
}
