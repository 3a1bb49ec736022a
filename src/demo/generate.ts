// Generates the synthetic demo force. Steps: resolve options → build units and team noise → for each
// person draw a spell, its exit (and maybe a rejoining spell) and every event, streaming rows to the
// CSVs → write unit indicators from the tallies → write manifest.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { epochDay } from '../time/dates.js';
import { countWorkingDays } from '../time/working-days.js';
import { DEMO_COLUMNS, type DemoFileName } from './columns.js';
import { buildContext, type ForceContext, type Spell } from './context.js';
import { BASE } from './effects.js';
import { sampleExit } from './exits.js';
import { IndicatorTally } from './indicators.js';
import { exitInterview } from './interviews.js';
import { buildManifest, type Calibration } from './describe.js';
import {
  GENERATOR_VERSION,
  resolveDemoOptions,
  type DemoManifest,
  type DemoOptions,
} from './manifest.js';
import { overtimeClaims } from './overtime.js';
import { makeSpell, rejoinSpell } from './people.js';
import { Rng } from './random.js';
import { ohReferrals, sicknessSpells } from './sickness.js';
import { KIND_PROFILES } from './units.js';
import { welfareChecks } from './welfare.js';
import { CsvFile, csvField, num } from './write.js';

const YEAR = 365.25;
const AGE_BANDS: [number, string][] = [
  [25, 'under_25'],
  [35, '25_34'],
  [45, '35_44'],
  [55, '45_54'],
  [65, '55_64'],
  [Infinity, '65_plus'],
];

/**
 * Writes the demo force's nine CSVs and manifest.json to `outDir` and returns the manifest: about
 * `people` people (default 4,000) over `years` financial years from 1 April `firstYear` (default
 * 2020, 5 years), with the effects listed in the manifest planted. Same options → byte-identical CSVs.
 * @example const manifest = await generateDemoForce({ outDir: 'data/demo', people: 4000, seed: 1 });
 */
export async function generateDemoForce(options: DemoOptions): Promise<DemoManifest> {
  const resolved = resolveDemoOptions(options);
  const started = performance.now();
  await mkdir(options.outDir, { recursive: true });
  const ctx = buildContext({
    seed: resolved.seed,
    people: resolved.people,
    firstYear: resolved.first_year,
    years: resolved.years,
  });
  const files = {} as Record<DemoFileName, CsvFile>;
  for (const name of Object.keys(DEMO_COLUMNS) as DemoFileName[])
    files[name] = await CsvFile.create(options.outDir, name, DEMO_COLUMNS[name]);
  for (const u of ctx.units)
    files['units.csv'].row([u.unit_id, u.parent_id, csvField(u.name), u.level].join(','));

  const tally = new IndicatorTally(ctx);
  const calibration: Calibration = {
    leavers: 0,
    transfers: 0,
    voluntary: 0,
    voluntaryUnder5: 0,
    officerLeavers: 0,
    officerTransfers: 0,
    officerVoluntary: 0,
    officerVoluntaryUnder5: 0,
    daysLost: 0,
    daysAvailable: 0,
    spells: 0,
    rejoiners: 0,
  };
  const stock = Math.round(resolved.people * BASE.stockShare);
  let neglected: string | undefined;
  for (let i = 0; i < resolved.people; i++) {
    const rng = new Rng(resolved.seed, i + 1);
    const spell = makeSpell(rng, ctx, i, i < stock);
    if (neglected === undefined && i < stock && qualifiesForNeglect(ctx, spell)) {
      spell.neglected = true;
      spell.postings = [{ ...spell.postings[0], to: undefined }];
      neglected = spell.personId;
    }
    sampleExit(rng, ctx, spell);
    const again = rejoinSpell(rng, ctx, spell);
    if (again !== undefined) {
      sampleExit(rng, ctx, again);
      calibration.rejoiners++;
    }
    for (const s of again === undefined ? [spell] : [spell, again]) {
      writeSpell(rng, ctx, s, files, calibration);
      tally.add(s);
    }
    for (const file of Object.values(files)) await file.flush();
  }
  await tally.write(files['unit_indicators.csv']);
  for (const file of Object.values(files)) await file.close();

  const manifest = buildManifest(
    ctx,
    resolved,
    files,
    calibration,
    neglected,
    (performance.now() - started) / 1000,
  );
  manifest.version = GENERATOR_VERSION;
  await writeFile(
    path.join(options.outDir, 'manifest.json'),
    JSON.stringify(manifest, null, 2) + '\n',
  );
  return manifest;
}

function writeSpell(
  rng: Rng,
  ctx: ForceContext,
  s: Spell,
  files: Record<DemoFileName, CsvFile>,
  cal: Calibration,
): void {
  const d = (day: number | undefined): string => (day === undefined ? '' : ctx.dates.format(day));
  const roleOf = (team: number): [string, string] => {
    const profile = KIND_PROFILES[ctx.teams[team].kind!];
    return [profile.roles[s.workerType] ?? s.workerType, profile.highRisk];
  };
  const last = s.postings[s.postings.length - 1];
  const [role, risk] = roleOf(last.team);
  const age = ((s.end ?? ctx.last) - epochDay(s.birthYear, 7, 1)) / YEAR;
  const ageBand = AGE_BANDS.find(([limit]) => age < limit)![1];
  files['people.csv'].row(
    [
      s.personId,
      s.workerType,
      s.rank,
      ctx.teams[last.team].unit_id,
      role,
      risk,
      num(s.fte),
      num(s.hours, 1),
      d(s.serviceStart),
      d(s.start),
      d(s.end),
      s.leaverType ?? '',
      s.entryRoute,
      s.sex,
      s.ethnicity,
      s.disability,
      s.birthYear,
      ageBand,
    ].join(','),
  );
  for (const p of s.postings)
    files['postings.csv'].row(
      [s.personId, ctx.teams[p.team].unit_id, ...roleOf(p.team), d(p.from), d(p.to)].join(','),
    );
  const { lines, absences } = sicknessSpells(rng, ctx, s);
  for (const line of lines) files['sickness.csv'].row(line);
  for (const line of ohReferrals(rng, ctx, s, absences)) files['oh_referrals.csv'].row(line);
  for (const line of overtimeClaims(rng, ctx, s, absences)) files['overtime.csv'].row(line);
  for (const line of welfareChecks(rng, ctx, s)) files['welfare_checks.csv'].row(line);
  const interview = exitInterview(rng, ctx, s);
  if (interview !== undefined) files['exit_interviews.csv'].row(interview);

  cal.spells++;
  if (s.workerType === 'officer' || s.workerType === 'staff' || s.workerType === 'pcso') {
    cal.daysAvailable += countWorkingDays(Math.max(s.start, ctx.first), s.end ?? ctx.last);
    for (const a of absences) cal.daysLost += countWorkingDays(Math.max(a.start, ctx.first), a.end);
  }
  if (s.leaverType === undefined) return;
  const under5 = s.end! - s.serviceStart < 5 * YEAR;
  const officer = s.workerType === 'officer';
  cal.leavers++;
  if (officer) cal.officerLeavers++;
  if (s.leaverType === 'transfer_out') {
    cal.transfers++;
    if (officer) cal.officerTransfers++;
  } else if (s.leaverType === 'voluntary_resignation') {
    cal.voluntary++;
    if (under5) cal.voluntaryUnder5++;
    if (officer) cal.officerVoluntary++;
    if (officer && under5) cal.officerVoluntaryUnder5++;
  }
}

/** The neglected case: long-serving officer or staff member in post in a high-risk team at the start. */
function qualifiesForNeglect(ctx: ForceContext, spell: Spell): boolean {
  const team = ctx.teams[spell.postings[0].team];
  return (
    (spell.workerType === 'officer' || spell.workerType === 'staff') &&
    KIND_PROFILES[team.kind!].highRisk !== '' &&
    ctx.first - spell.start > 5 * YEAR
  );
}
