// wbk demo: the main job on the built-in demo force — generate it (skipped when already there), then
// `wbk report` on it into reports/.
import path from 'node:path';
import type { Command } from './command.js';
import { demoDataCommand } from './demo-data.js';
import { reportCommand } from './report.js';
import { KIT_ROOT } from '../shared/kit.js';

const USAGE = `Usage: wbk demo [any wbk report option except --data]

Generates the synthetic demo force into data/demo/ (4,000 people over five financial years; skipped
when it is already there), then runs every notebook on it like \`wbk report --data data/demo\`,
writing into reports/ (or --out DIR):
  index.html          the run: parameters, input files with SHA-256, disclosure policy, status
  NAME.html           each report with the code hidden (for managers)
  NAME.code.html      the same with the code (for analysts)
  NAME.ipynb          the executed notebook
  NAME--TABLE.csv/.xlsx  the headline tables
Exit code 0 when every notebook ran, 1 when any failed.`;

export const demoCommand: Command = {
  summary: 'generate the demo force and run every notebook on it into reports/',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const dataDir = path.join(KIT_ROOT, 'data', 'demo');
    const generated = await demoDataCommand.run(['--out', dataDir]);
    if (generated !== 0) return generated;
    return reportCommand.run(['--data', dataDir, ...argv]);
  },
};
