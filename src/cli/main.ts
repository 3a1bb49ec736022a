// The wbk command: parse the subcommand, dispatch, turn errors into messages and exit codes.
import type { Command } from './command.js';
import { UsageError } from './command.js';
import { commands } from './registry.js';
import { kitVersion } from '../shared/kit.js';

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(
    ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
  );
  return [
    'wbk: workforce well-being and attrition analytics (wellbeing-kit)',
    '',
    'Usage: wbk <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    "  --help     show this help, or a command's help with `wbk <command> --help`",
    '  --version  print the kit version',
  ].join('\n');
}

/** Runs `wbk` with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(kitVersion());
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (entry === undefined) {
    console.error(`wbk: unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}.`);
    console.error('Run `wbk --help` for what each does.');
    return 2;
  }
  let command: Command | undefined;
  try {
    command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(command.usage);
      return 0;
    }
    return await command.run(rest);
  } catch (error) {
    // by name: a command's module is loaded apart (registry), so under a loader that gives it its own
    // copy of command.js (tsx in the tests) its UsageError is not this module's class
    if (error instanceof Error && error.name === UsageError.name) {
      console.error(`wbk ${name}: ${error.message}\n\n${command!.usage}`);
      return 2;
    }
    console.error(`wbk ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
