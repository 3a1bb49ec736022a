// Synthetic exit-interview comments: generic sentences assembled from fragments, no real names.
import type { Rng } from './random.js';
import type { ExitReason } from './vocabulary.js';

const OPENINGS = [
  'Overall I have mixed feelings about leaving.',
  'I enjoyed most of my time here but it was the right moment to go.',
  'This was not an easy decision.',
  'I am grateful for the support of my colleagues on the team.',
  'Thank you for the chance to give feedback.',
  'I joined with high hopes and some of them were met.',
  'Leaving has been on my mind for a while.',
  'My reasons are a mix of things rather than one event.',
  'I want to be honest so that things improve for the people who stay.',
  'Some of this has been said before in team meetings.',
];

const BY_REASON: Record<ExitReason, string[]> = {
  workload: [
    'The workload was relentless and the queue of jobs never went down.',
    'I was carrying {n} investigations at once and could not do any of them properly.',
    'Caseloads kept growing while the team kept shrinking.',
  ],
  pay_and_benefits: [
    'The pay does not reflect the responsibility, especially with the cost of living.',
    'I can earn noticeably more elsewhere for less stress.',
    'Pay progression has stalled and the pension changes put me off staying.',
  ],
  career_progression: [
    'I could not see a route to promotion or a specialist post.',
    'I applied for {n} development roles and heard nothing back on most of them.',
    'Progression felt like it depended on who you know.',
  ],
  management_and_supervision: [
    'My line manager rarely had time for one-to-ones.',
    'Supervision was inconsistent and decisions were often changed without explanation.',
    'I had {n} different sergeants or supervisors in two years.',
  ],
  wellbeing_and_stress: [
    'The stress built up over time and I was not sleeping well.',
    'Nobody asked how I was coping after some difficult jobs.',
    'My mental health suffered and I felt burnt out by the end.',
  ],
  work_life_balance: [
    'I missed too many family occasions because of overtime and cancelled rest days.',
    'My rest days were cancelled {n} times in the last year.',
    'There was no real balance between work and home life.',
  ],
  shift_pattern: [
    'The shift pattern, especially the nights and early turnarounds, wore me down.',
    'Quick changeovers between lates and earlies left no time to recover.',
    'The rota changed at short notice too often.',
  ],
  flexible_working: [
    'My request for flexible working was turned down twice.',
    'Part-time or compressed hours were not really an option in my role.',
    'I needed more flexibility around school hours and it was not available.',
  ],
  culture_and_treatment: [
    'The culture on the team could be unwelcoming and banter sometimes crossed a line.',
    'I did not always feel treated fairly or listened to.',
    'I raised concerns about behaviour and nothing seemed to change.',
  ],
  training_and_support: [
    'Training was rushed and I was expected to learn on the job with little support.',
    'Tutoring stopped too early and I felt out of my depth.',
    'There was not enough support when I started in the role.',
  ],
  role_not_as_expected: [
    'The job was not what I expected from the recruitment campaign.',
    'Most of my time went on paperwork rather than the work I joined to do.',
    'The reality of the role was very different from the training.',
  ],
  relocation: [
    'I am moving to another part of the country.',
    'My family is relocating and the commute would be too long.',
    "We are moving about {n} miles away for my partner's job.",
  ],
  family_and_caring: [
    'I have caring responsibilities at home that the job could not accommodate.',
    'Childcare around shifts became impossible to arrange.',
    'A family member needs more of my time now.',
  ],
  better_offer: [
    'I have accepted an offer elsewhere with better hours.',
    'Another organisation offered me a role with more stability.',
    'A private sector employer approached me with a better package.',
  ],
  retirement: [
    'After {n} years it is time to retire.',
    'I am retiring and looking forward to the next chapter.',
    'I have reached my pension point and decided to go.',
  ],
  health: [
    'My health no longer allows me to do the job.',
    'An injury has made the role too difficult to continue.',
    'I need to focus on my recovery.',
  ],
  other: [
    'I have personal reasons I would rather not go into.',
    'It is simply time for a change.',
    'I want to try something completely different.',
  ],
};

const DETAILS = [
  'In my last month I worked about {n} hours over my contracted time.',
  'Around {n} of my colleagues have left in the past year.',
  'I was told a replacement would arrive within {n} weeks and none came.',
  'On a typical shift we were {n} people short.',
  'I had {n} days of leave I could not take.',
  'My journey to work took about {n} minutes each way.',
];

const CLOSINGS = [
  'I would consider coming back if things changed.',
  'I hope the feedback is useful.',
  'Please look after the people who are still here.',
  'Better communication from senior leaders would help.',
  'More staff on the team would make a real difference.',
  'I will miss the people most of all.',
  '',
  '',
];

/**
 * A synthetic exit-interview comment mentioning the primary reason and one other reason, with
 * numbers and sentence choices varied per leaver; about 1 in 20 comments spans two paragraphs.
 * @example exitComment(rng, 'workload', ['shift_pattern'], 2)
 */
export function exitComment(
  rng: Rng,
  primary: ExitReason,
  others: readonly ExitReason[],
  serviceYears: number,
): string {
  const fill = (s: string): string =>
    s.replace(
      '{n}',
      String(s.includes('years it is') ? Math.max(1, Math.round(serviceYears)) : rng.int(3, 40)),
    );
  const parts = [rng.pick(OPENINGS), fill(rng.pick(BY_REASON[primary]))];
  if (others.length > 0) parts.push(fill(rng.pick(BY_REASON[rng.pick(others)])));
  if (rng.chance(0.8)) parts.push(fill(rng.pick(DETAILS)));
  if (serviceYears < 5 && rng.chance(0.5))
    parts.push(`I was only in my ${ordinal(Math.floor(serviceYears) + 1)} year of service.`);
  const closing = rng.pick(CLOSINGS);
  if (closing !== '') parts.push(closing);
  return rng.chance(0.05)
    ? `${parts.slice(0, 2).join(' ')}\n${parts.slice(2).join(' ')}`
    : parts.join(' ');
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`;
}
