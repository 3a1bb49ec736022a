#!/usr/bin/env node
// The wbk command: a thin launcher for the compiled CLI (run `npm run setup` first to build it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error(
    'wbk: the kit is not built yet. Run `npm run setup` in the wellbeing-kit folder, then retry.',
  );
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
