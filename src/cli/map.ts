// wbk map: read an export folder and write a draft mapping, every guess marked for review.
import { existsSync, writeFileSync } from 'node:fs';
import { draftMapping } from '../io/mapping/draft.js';
import { terminalSafe } from '../shared/terminal.js';
import { dataFolder, readFlags } from './args.js';
import { UsageError, type Command } from './command.js';

const USAGE = `Usage: wbk map --data DIR [--out mapping.json] [--force]

Reads a sample of every data file in DIR and writes a draft mapping (JSON): each file's table, its
columns matched to the model by name and checked by their values (date format, encoding, delimiter,
numbers with thousands separators or %, value maps for sex, worker type, leaver type, ethnicity codes,
yes/no), and a units hierarchy proposed from unit code, name and parent columns. Every guess carries a
"review" note saying why it was made. Read them, correct what is wrong, then check the mapping:

  wbk check --data DIR --mapping mapping.json

  --data DIR    folder holding the exports (required)
  --out FILE    where to write the draft (default: print it); an existing file is kept unless --force
  --force       overwrite --out

Exit code: 0 when a draft was written, 1 when no file could be mapped, 2 when the arguments are unusable.`;

export const mapCommand: Command = {
  summary:
    'draft a mapping for an export folder: columns, formats, value maps, units; each guess marked for review',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const args = parseArgs(argv);
    const draft = await draftMapping(args.data);
    const text = `${JSON.stringify(draft.mapping, null, 2)}\n`;
    if (args.out === undefined) process.stdout.write(text);
    else writeFileSync(args.out, text);
    for (const f of draft.files) {
      console.error(
        `  ${terminalSafe(f.file)}: ${f.table === null ? 'not mapped (see review)' : `${f.table} (${f.sampled} rows sampled)`}`,
      );
    }
    const mapped = draft.files.filter((f) => f.table !== null).length;
    console.error(
      `${mapped} of ${draft.files.length} file(s) mapped${args.out ? `; draft written to ${terminalSafe(args.out)}` : ''}. Review every "review" note, then: wbk check --data ${terminalSafe(args.data)} --mapping ${terminalSafe(args.out ?? 'mapping.json')}`,
    );
    return mapped > 0 ? 0 : 1;
  },
};

function parseArgs(argv: string[]): { data: string; out?: string } {
  const out: { data?: string; out?: string; force: boolean } = { force: false };
  readFlags(argv, (flag, value) => {
    if (flag === '--data') out.data = value();
    else if (flag === '--out') out.out = value();
    else if (flag === '--force') out.force = true;
    else return false;
    return true;
  });
  const data = dataFolder(out.data);
  if (out.out !== undefined && existsSync(out.out) && !out.force) {
    throw new UsageError(
      `--out ${out.out} exists. Choose another file, or add --force to overwrite it.`,
    );
  }
  return { data, out: out.out };
}
