// A display bundle (one output with several MIME types) and the bridge that sends it to a tslab kernel.
import { createRequire } from 'node:module';

/** One notebook output: MIME type → content. Front ends pick the richest type they render. */
export type DisplayBundle = Record<string, unknown>;

type Writer = (
  message: { data: DisplayBundle; metadata: object; transient: object },
  update: boolean,
) => void;

const require = createRequire(import.meta.url);

/** tslab's display writer when running inside a tslab kernel, otherwise undefined. */
function kernelWriter(): Writer | undefined {
  try {
    // The writer lives on tslab's internal module; the kernel and this library share one instance
    // because both resolve node_modules/tslab of this project.
    const jupyter = require('tslab/dist/jupyter.js') as { lastWriteDisplayData?: Writer | null };
    return jupyter.lastWriteDisplayData ?? undefined;
  } catch {
    return undefined;
  }
}

// The batch engine (src/report/batch) collects bundles through a hook on globalThis, so that every
// copy of this module (the kit's dist/ loaded by cells, src/ under tests) reaches the same engine.
const HOOK = Symbol.for('wellbeing-kit.display-hook');

/** Receives each bundle a cell displays when the batch engine runs the notebook. */
export type DisplayHook = (bundle: DisplayBundle) => void;

/**
 * Sets (or clears, with null) the hook that receives every displayed bundle instead of tslab's
 * writer; the batch engine sets it around each cell it runs.
 * @example setDisplayHook((bundle) => outputs.push(bundle))
 */
export function setDisplayHook(hook: DisplayHook | null): void {
  (globalThis as Record<symbol, unknown>)[HOOK] = hook ?? undefined;
}

const SESSION = Symbol.for('wellbeing-kit.display-session');

/**
 * The notebook run displays currently belong to: 0 in a tslab kernel (one session per kernel); the
 * batch engine starts a new one per notebook run, so once-per-notebook outputs (plotly.js) reset.
 * @example if (shownIn !== displaySession()) { include the library }
 */
export function displaySession(): number {
  return ((globalThis as Record<symbol, unknown>)[SESSION] as number | undefined) ?? 0;
}

/** Starts a new display session (the batch engine, at the start of each notebook run). */
export function startDisplaySession(): void {
  (globalThis as Record<symbol, unknown>)[SESSION] = displaySession() + 1;
}

function displayHook(): DisplayHook | undefined {
  return (globalThis as Record<symbol, unknown>)[HOOK] as DisplayHook | undefined;
}

/** True inside a tslab kernel or the batch engine, where `display` sends outputs to the notebook. */
export function inKernel(): boolean {
  return displayHook() !== undefined || kernelWriter() !== undefined;
}

/**
 * Sends a multi-MIME bundle to the notebook as one output and returns it (outside a kernel it
 * only returns it, so scripts and tests can inspect what a cell would show).
 * @example display({ 'text/html': '<b>hi</b>', 'text/plain': 'hi' })
 */
export function display(bundle: DisplayBundle): DisplayBundle {
  const hook = displayHook();
  if (hook) {
    hook(bundle);
    return bundle;
  }
  const write = kernelWriter();
  if (write) write({ data: bundle, metadata: {}, transient: {} }, false);
  return bundle;
}

export { escapeHtml } from '../shared/html.js';
