// Every wbk subcommand, in the order `wbk --help` lists them. Add a command: one file in cli/, one line here.
import type { Command } from './command.js';
import { demoCommand } from './demo.js';
import { demoDataCommand } from './demo-data.js';
import { checkCommand } from './check.js';
import { mapCommand } from './map.js';
import { reportCommand } from './report.js';
import { riskCommand } from './risk.js';
import { metricsCommand } from './metrics.js';

export const commands: Record<string, Command> = {
  demo: demoCommand,
  'demo-data': demoDataCommand,
  map: mapCommand,
  check: checkCommand,
  metrics: metricsCommand,
  report: reportCommand,
  risk: riskCommand,
};
