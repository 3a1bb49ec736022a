// Command-line arguments of the wbk commands: one strict parser for those that declare their flags
// (metrics, report), one reading loop for those that read them flag by flag (check, map, risk), and
// the checks of --data and --mapping, so every command words its errors alike.
import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

/** The values parseFlags returns for the flags `O` declares. */
export type ParsedFlags<O extends NonNullable<ParseArgsConfig['options']>> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>['values'];

/**
 * The flags of `argv` as node's parseArgs reads them, strictly (an unknown flag or a stray word is an
 * error), its errors as UsageErrors: for the commands that declare their flags (metrics, report).
 * @example const values = parseFlags(argv, { data: { type: 'string' }, json: { type: 'boolean' } })
 */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: O,
): ParsedFlags<O> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Reads `argv` flag by flag: `take(flag, value)` handles one flag, calling `value()` for the word
 * after it, and returns false for a flag it does not know. Throws a UsageError for an unknown flag
 * ('unknown argument "--x".') or a flag whose value is missing ('--data needs a value.').
 * @example readFlags(argv, (flag, value) => (flag === '--data' ? ((data = value()), true) : false))
 */
export function readFlags(
  argv: readonly string[],
  take: (flag: string, value: () => string) => boolean,
): void {
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    if (!take(flag, value)) throw new UsageError(`unknown argument "${flag}".`);
  }
}

/**
 * The --data folder, checked: throws a UsageError when it is not given or is not a folder.
 * @example const data = dataFolder(args.data)
 */
export function dataFolder(data: string | undefined): string {
  if (data === undefined) throw new UsageError('--data DIR is required.');
  if (!existsSync(data) || !statSync(data).isDirectory()) {
    throw new UsageError(`--data ${data} is not a folder.`);
  }
  return data;
}

/**
 * Throws a UsageError when a --mapping file is given but does not exist.
 * @example checkMappingFile(args.mapping)
 */
export function checkMappingFile(mapping: string | undefined): void {
  if (mapping !== undefined && !existsSync(mapping)) {
    throw new UsageError(`--mapping ${mapping} does not exist.`);
  }
}
