// Helpers every layer uses: HTML escaping and the kit version.
export { type CheckColumnsOptions, checkColumns } from './columns.js';
export { escapeHtml } from './html.js';
export { KIT_ROOT, kitVersion } from './kit.js';
