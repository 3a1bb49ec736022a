/// <reference lib="dom" />
// Open HTML reports in the machine's Chromium (headless, offline) and say what a reader would see.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** What one page showed: errors, blocked network requests, rendered chart elements. */
export interface PageCheck {
  consoleErrors: string[];
  blockedRequests: string[];
  vegaCharts: number;
  /** Vega charts whose SVG has at least one drawn mark (path, rect, line, text inside a mark group). */
  vegaChartsWithMarks: number;
  plotlyCharts: number;
  /** Plotly charts with at least one trace drawn. */
  plotlyChartsWithTraces: number;
}

/** The Chromium the set-up installed (scripts/setup.mjs --browser). */
export function chromiumPath(): string {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error(
    "No Chromium found: run `node scripts/setup.mjs --browser` (it installs Debian's chromium).",
  );
}

/** Starts headless Chromium with the flags that work on these machines. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens `file` with every non-file request blocked, waits for the charts, saves a full-page
 * screenshot into `screenshotDir`, and reports what it saw.
 */
export async function checkPage(
  browser: Browser,
  file: string,
  screenshotDir: string,
): Promise<PageCheck> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const consoleErrors: string[] = [];
  const blockedRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    blockedRequests.push(url);
    return route.abort();
  });
  await page.goto(`file://${path.resolve(file)}`, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const counts = await page.evaluate(() => {
    const vega = Array.from(document.querySelectorAll('.wbk-vega'));
    const plotly = Array.from(document.querySelectorAll('.wbk-plotly'));
    return {
      vegaCharts: vega.length,
      vegaChartsWithMarks: vega.filter((el) =>
        el.querySelector(
          'svg [class*="mark-"] path, svg [class*="mark-"] line, svg [class*="mark-rect"] path',
        ),
      ).length,
      plotlyCharts: plotly.length,
      plotlyChartsWithTraces: plotly.filter((el) =>
        el.querySelector('.main-svg .trace, .main-svg .point, .main-svg .bars'),
      ).length,
    };
  });
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({
    path: path.join(screenshotDir, `${path.basename(file, '.html')}.png`),
    fullPage: true,
  });
  await page.close();
  return { consoleErrors, blockedRequests, ...counts };
}
