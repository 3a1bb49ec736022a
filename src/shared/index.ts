// Helpers every layer uses: column checks, HTML escaping, safe slugs and terminal text, the kit itself.
export { type CheckColumnsOptions, checkColumns } from './columns.js';
export { escapeHtml } from './html.js';
export { InsufficientDataError } from './errors.js';
export { KIT_ROOT, kitVersion } from './kit.js';
export { seededRandom } from './random.js';
export { safeSlug } from './slug.js';
export { terminalSafe } from './terminal.js';
