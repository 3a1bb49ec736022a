// Vega-Lite charts rendered to SVG in Node, so they show offline in every front end and in nbconvert HTML.
import { escapeHtml } from '../shared/html.js';
import type { VegaLiteSpec } from '../charts/spec.js';
import { display, displaySession, type DisplayBundle } from './bundle.js';

/** The display session of the last chart drawn: vega's SVG ids (gradient_0, clip1) count per session. */
let lastSession = -1;

/** The MIME type JupyterLab renders natively (Vega-Lite 5 renderer; our specs use no v6-only features). */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/**
 * Renders a Vega-Lite spec to an SVG string with vega in Node. The spec must embed its data
 * (`data.values`): the loader refuses URLs, so no chart can depend on the network.
 * @example const svg = await renderVegaLiteSvg({ mark: 'bar', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a' } } })
 */
export async function renderVegaLiteSvg(spec: VegaLiteSpec): Promise<string> {
  // vega and vega-lite are ESM with top-level await: a real dynamic import, never a require().
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  // Ids of gradients and clips count from 0 in each notebook run, as in a fresh kernel.
  if (lastSession !== displaySession()) {
    (vega as unknown as { resetSVGDefIds?: () => void }).resetSVGDefIds?.();
    lastSession = displaySession();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const compiled = vl.compile(spec as any).spec;
  const refuse = (uri: string) =>
    new Error(
      `renderVegaLiteSvg: the chart asks to load "${uri}". Charts must embed their data as data.values; pass the table's rows instead of a URL.`,
    );
  for (const data of compiled.data ?? []) {
    if ('url' in data && data.url !== undefined) throw refuse(String(data.url));
  }
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    throw refuse(uri);
  };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Shows a Vega-Lite chart (await it). `vegaLiteBundle` gives the bundle without sending it.
 * @example await showVegaLite(spec)
 */
export async function showVegaLite(spec: VegaLiteSpec): Promise<void> {
  display(await vegaLiteBundle(spec));
}

/**
 * The output for a Vega-Lite chart: rendered SVG as text/html (Debian's nbconvert strips
 * image/svg+xml), the Vega-Lite MIME bundle for front ends that render it, and a text fallback.
 * @example const bundle = await vegaLiteBundle(spec)
 */
export async function vegaLiteBundle(spec: VegaLiteSpec): Promise<DisplayBundle> {
  const svg = await renderVegaLiteSvg(spec);
  const title = typeof spec.title === 'string' ? spec.title : 'chart';
  const description = typeof spec.description === 'string' ? spec.description : '';
  const caption = description
    ? `<p class="wbk-chart-note" style="font-size:12px;color:#555;max-width:760px">${escapeHtml(description)}</p>`
    : '';
  return {
    'text/html': `<figure class="wbk-chart wbk-vega" role="img" aria-label="${escapeHtml(title)}" style="margin:0">${svg}${caption}</figure>`,
    [VEGA_LITE_MIME]: { ...spec, $schema: 'https://vega.github.io/schema/vega-lite/v5.json' },
    'text/plain': `[chart] ${title}`,
  };
}
