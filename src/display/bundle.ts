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

/** True inside a tslab kernel, where `display` sends outputs to the notebook. */
export function inKernel(): boolean {
  return kernelWriter() !== undefined;
}

/**
 * Sends a multi-MIME bundle to the notebook as one output and returns it (outside a kernel it
 * only returns it, so scripts and tests can inspect what a cell would show).
 * @example display({ 'text/html': '<b>hi</b>', 'text/plain': 'hi' })
 */
export function display(bundle: DisplayBundle): DisplayBundle {
  const write = kernelWriter();
  if (write) write({ data: bundle, metadata: {}, transient: {} }, false);
  return bundle;
}

export { escapeHtml } from '../shared/html.js';
