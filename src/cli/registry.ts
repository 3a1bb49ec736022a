// Every wbk subcommand, in the order `wbk --help` lists them, each loaded only when it runs (so that
// `wbk check` does not load the report's code, exceljs among it). Add a command: one file in cli/,
// one entry here, with the summary its Command gives.
import type { Command } from './command.js';

/** A subcommand as `wbk --help` lists it, and how to load it. */
export interface CommandEntry {
  /** One line for `wbk --help` (the command's own summary). */
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  demo: {
    summary: 'generate the demo force and run every notebook on it into reports/',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  'demo-data': {
    summary: 'write the synthetic demo force CSVs to data/demo (or --out DIR)',
    load: async () => (await import('./demo-data.js')).demoDataCommand,
  },
  map: {
    summary:
      'draft a mapping for an export folder: columns, formats, value maps, units; each guess marked for review',
    load: async () => (await import('./map.js')).mapCommand,
  },
  check: {
    summary: 'load and validate a data folder; print the load summary and rejected rows',
    load: async () => (await import('./check.js')).checkCommand,
  },
  metrics: {
    summary:
      'print the headline figures (leavers, exit interviews, well-being matrix, unit indicators) for a period',
    load: async () => (await import('./metrics.js')).metricsCommand,
  },
  report: {
    summary: "run the notebooks on an extract and write the managers' HTML reports",
    load: async () => (await import('./report.js')).reportCommand,
  },
  risk: {
    summary: 'fit and validate the leaving-risk model; print its model card (no individual rows)',
    load: async () => (await import('./risk.js')).riskCommand,
  },
};
