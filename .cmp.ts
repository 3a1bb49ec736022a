import { readFileSync } from 'node:fs';
import { compareMatrices } from '/work/main/bench/pipeline-spec.ts';
const [a, ...rest] = process.argv.slice(2);
const want = JSON.parse(readFileSync(a, 'utf8'));
for (const b of rest) { try { console.log(b, 'max |Δ|', compareMatrices(want, JSON.parse(readFileSync(b, 'utf8')))); } catch (e) { console.log(b, 'DIFF', (e as Error).message); } }
