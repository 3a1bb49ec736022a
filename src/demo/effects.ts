// The planted effects and the base rates of the demo force: every number the analyses should recover.

/** Parameters of the demo force's model; written verbatim into manifest.json. */
export const EFFECTS = {
  /** (1) Overtime propensity z ~ N(0,1) per person; claims rate × exp(sigma·z); hazards × exp(β·z). */
  overtime: {
    claimsLogSd: 0.6,
    sicknessLogPerSd: 0.25,
    resignationLogPerSd: 0.4,
  },
  /** (2) High-risk roles: mental-health weight of each spell × 3, spell rate × 1.15. */
  highRisk: { mentalHealthWeight: 3, sicknessRate: 1.15 },
  /** (3) Two teams run hot (ids fixed for every force size). */
  hotTeams: {
    unitIds: ['D1-RESP-B', 'D2-CID-A'],
    sicknessRate: 1.7,
    overtimeClaims: 1.8,
    restDayShare: 2.0,
    resignation: 2.0,
    surveyScorePoints: -12,
    workload: 1.35,
    vacancyRatePoints: 0.08,
  },
  /** (4) Voluntary-resignation hazard per year by completed years of service (officers; others below). */
  resignationByService: {
    officer: [0.052, 0.0555, 0.0477, 0.0374, 0.0307, 0.017, 0.017, 0.017, 0.017, 0.017, 0.0085],
    staff: [0.0691, 0.0648, 0.0508, 0.041, 0.0367, 0.0213, 0.0213, 0.0213, 0.0213, 0.0213, 0.011],
    pcso: [0.0832, 0.0734, 0.0648, 0.0551, 0.0464, 0.0289, 0.0289, 0.0289, 0.0289, 0.0289, 0.0145],
    special: [0.1469, 0.1382, 0.108, 0.0918, 0.0918, 0.051, 0.051, 0.051, 0.051, 0.051, 0.0365],
    volunteer: [
      0.1296, 0.108, 0.0918, 0.0734, 0.0734, 0.0433, 0.0433, 0.0433, 0.0433, 0.0433, 0.0289,
    ],
  },
  /** (5) Women in this department resign × 4 while under 3 years' service. */
  womenEarlyResignation: { departmentId: 'D3-RESP', multiplier: 4, underServiceYears: 3 },
  /** Equality data recorded poorly in one district: ethnicity not stated or missing > 20%. */
  poorEqualityData: { districtId: 'D4', ethnicityNotStated: 0.22, ethnicityMissing: 0.08 },
  /** Noise shared by all teams: log-normal team multipliers (sd on the log scale). */
  teamNoiseLogSd: 0.1,
} as const;

/** Base rates not tied to a planted effect. */
export const BASE = {
  /** Share of people in post at the window start (the rest join during the window). */
  stockShare: 0.68,
  workerTypes: { officer: 55, staff: 33, pcso: 4, special: 5, volunteer: 3 },
  /** Sickness spells per person-year by worker type (specials and volunteers: not recorded). */
  sicknessSpellsPerYear: { officer: 1.18, staff: 1.29, pcso: 1.23, special: 0, volunteer: 0 },
  /** Overtime claims per person-year by worker type, before team-kind and propensity multipliers. */
  overtimeClaimsPerYear: { officer: 104, staff: 38, pcso: 55, special: 0, volunteer: 0 },
  restDayShare: 0.08,
  femaleShare: { officer: 0.35, staff: 0.62, pcso: 0.46, special: 0.3, volunteer: 0.5 },
  sexMissing: 0.01,
  sexNotStated: 0.01,
  ethnicity: { white: 86.5, asian: 4.5, black: 2.2, mixed: 2.6, other: 1.2, not_stated: 3 },
  ethnicityMissing: 0.01,
  disability: { no: 86, yes: 6, not_stated: 8 },
  disabilityMissing: 0.02,
  exitInterviewShare: {
    voluntary_resignation: 0.8,
    normal_retirement: 0.55,
    medical_retirement: 0.5,
    dismissal: 0.2,
    transfer_out: 0.6,
    death: 0,
    end_of_contract: 0.45,
    other: 0.4,
  },
} as const;
