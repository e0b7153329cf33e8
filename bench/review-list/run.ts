import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { openCase } from '../../src/core/cases/openCase.js';
import { openCaseStore, recordSearchRun } from '../../src/core/store/index.js';
import { startBridgeProcess } from '../../tests/e2e/fixtures/bridgeProcess.js';
import { launchedChromiumPid, waitForQuietBrowser } from './quietBrowser.js';
import { syntheticResult } from './syntheticFindings.js';

/*
 * bench/review-list: how the review screen copes with a large request, in Chromium through the HTTP
 * bridge, like the e2e tests. It prints measurements and their ratio to the goals, not verdicts:
 * - first paint: from navigation to the first rows of the list on screen (goal < 1 s), cold (the
 *   first load once the browser has started: nothing cached) and warm (median of reloads), and the
 *   part of it from asking the engine for the list to rows on screen;
 * - the first finding's detail on screen, and the whole list loaded (filters enabled), after reloads:
 *   the rest of the list comes in pages and must not hold up the detail;
 * - tab switch: in the running app, from the case overview to the review list painted;
 * - filter: from changing a filter to the updated list painted (goal < 100 ms), and typing a search.
 *
 *   npm run build && npm run bench:review-list [-- --findings 50000 --runs 5]
 */

const ROOT = join(import.meta.dirname, '..', '..');
const GOALS = { firstPaintMs: 1000, filterMs: 100 };

const { values } = parseArgs({ options: { findings: { type: 'string', default: '50000' }, runs: { type: 'string', default: '5' } } });
const count = Number(values.findings);
const runs = Number(values.runs);

const dir = mkdtempSync(join(tmpdir(), 'auskunft-bench-review-'));
cpSync(join(ROOT, 'assets', 'sample'), join(dir, 'sample'), { recursive: true });
cpSync(join(ROOT, 'assets', 'register'), join(dir, 'register'), { recursive: true });
const dbFile = join(dir, 'data', 'cases.db');
const dbKey = 'bench-review-list';
const workspacePath = join(dir, 'sample', 'auskunft.yaml');
const subject = { name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: [], customerIds: [], ips: ['203.0.113.77'], otherIds: [] };

const seedStarted = performance.now();
const db = openCaseStore(dbFile, { key: dbKey });
const created = openCase(db, { receivedOn: '2026-01-05', subject, workspacePath, identityVerification: 'knownContact: bench' });
recordSearchRun(db, created.id, syntheticResult(subject, count), { startedAt: new Date(), finishedAt: new Date(), workspacePath });
db.close();
const seedMs = performance.now() - seedStarted;

// The bridge in a process of its own, as `npm run web` runs it (and Electron runs the engine in a
// utility process): in this process it would share its thread with Playwright's browser driver.
const bridge = await startBridgeProcess(['--workspace', workspacePath, '--db', dbFile, '--exports', join(dir, 'exports')], { AUSKUNFT_DB_KEY: dbKey });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let coldFirstPaint = 0;
const firstPaint: number[] = [];
const listToPaint: number[] = [];
const filter: number[] = [];
const search: number[] = [];
const detailShown: number[] = [];
const allLoaded: number[] = [];
let browserStartup: { waitedMs: number; cpuMs: number } | undefined;
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // tsx compiles this file with esbuild's keepNames, which wraps functions passed to the page in a
  // `__name` helper that only exists in Node; give the page a no-op one.
  await page.addInitScript('window.__name = (f) => f;');
  // Record when the first row appears and the frame after it is painted, the first detail and the
  // whole list, from inside the page. The page says when it has all three on the console: waiting
  // with waitForFunction would run Playwright's injected script (~50 ms of compiling on the page's
  // main thread) while the page is still loading, and the cold load would measure the harness.
  await page.addInitScript(() => {
    const w = window as unknown as { __rowsPainted?: number; __listRequested?: number; __detailShown?: number; __allLoaded?: number };
    const mark = (name: '__rowsPainted' | '__detailShown' | '__allLoaded') => {
      w[name] = performance.now();
      if (w.__rowsPainted !== undefined && w.__detailShown !== undefined && w.__allLoaded !== undefined) console.debug('auskunft-bench:done');
    };
    const originalFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      // The first call: the later ones fetch the rest of the list in pages.
      if (String(input).includes('review.list')) w.__listRequested ??= performance.now();
      return originalFetch(input, init);
    };
    new MutationObserver((_m, observer) => {
      if (!document.querySelector('[role="option"]')) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => mark('__rowsPainted')));
    }).observe(document, { childList: true, subtree: true });
    new MutationObserver((_m, observer) => {
      if (!document.querySelector('[data-testid="finding-detail"]')) return;
      observer.disconnect();
      mark('__detailShown');
    }).observe(document, { childList: true, subtree: true });
    // The filters are enabled once every page of the list has arrived.
    new MutationObserver((_m, observer) => {
      const select = document.querySelector<HTMLSelectElement>('select[data-filter="strength"]');
      if (!select || select.disabled) return;
      observer.disconnect();
      mark('__allLoaded');
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  });
  const url = `${bridge.url}#/case/${created.id}/review`;
  // The cold load measures the page, not the browser's own start-up: Chromium keeps both cores busy
  // for a second or more after launch returns (quietBrowser.ts).
  const browserPid = launchedChromiumPid();
  browserStartup = browserPid === undefined ? undefined : await waitForQuietBrowser(browserPid);
  console.error(browserStartup ? `browser start-up: quiet after ${browserStartup.waitedMs} ms more (${browserStartup.cpuMs} ms CPU)` : 'browser start-up: process not found, not waited for');
  console.error(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (let i = 0; i < runs + 1; i++) {
    await page.goto('about:blank');
    const done = page.waitForEvent('console', { predicate: (message) => message.text() === 'auskunft-bench:done', timeout: 60_000 });
    await page.goto(url, { waitUntil: 'commit' });
    await done;
    // Read once the rows, the detail and the whole list are there, so the next reload starts from a
    // quiet engine.
    const t = await page.evaluate(() => {
      const w = window as unknown as { __rowsPainted: number; __listRequested: number; __detailShown: number; __allLoaded: number };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const calls = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/call/') || e.name.includes('/assets/'))
        .map((e) => e as PerformanceResourceTiming)
        .map((e) => `${e.name.replace(/^.*\/(api\/call\/|assets\/)/, '')}@${Math.round(e.startTime)}+${Math.round(e.duration)}(req@${Math.round(e.requestStart)} first byte@${Math.round(e.responseStart)})`);
      const navigation = Object.fromEntries((['fetchStart', 'requestStart', 'responseStart', 'responseEnd'] as const).map((k) => [k, Math.round(nav[k])]));
      return { painted: w.__rowsPainted, requested: w.__listRequested, detail: w.__detailShown, all: w.__allLoaded, domInteractive: nav.domInteractive, navigation, calls };
    });
    if (process.env['BENCH_VERBOSE']) console.error(JSON.stringify({ detail: Math.round(t.detail), all: Math.round(t.all) }));
    if (process.env['BENCH_VERBOSE']) console.error(JSON.stringify({ ...t, painted: Math.round(t.painted), requested: Math.round(t.requested), domInteractive: Math.round(t.domInteractive) }));
    // The first load is cold: nothing cached in the browser or the engine, as right after the start.
    if (i === 0) {
      coldFirstPaint = t.painted;
      continue;
    }
    firstPaint.push(t.painted);
    listToPaint.push(t.painted - t.requested);
    detailShown.push(t.detail);
    allLoaded.push(t.all);
  }
  const rows = await page.locator('[role="option"]').count();

  // In the running app the list is one click away: from the case overview to the review tab.
  const tabSwitch: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate((id) => (window.location.hash = `#/case/${id}/overview`), created.id);
    await page.locator('[data-testid="total-findings"]').waitFor();
    tabSwitch.push(
      await page.evaluate(
        (id) =>
          new Promise<number>((resolve) => {
            const started = performance.now();
            new MutationObserver((_m, observer) => {
              if (!document.querySelector('[role="option"]')) return;
              observer.disconnect();
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
            }).observe(document, { childList: true, subtree: true });
            window.location.hash = `#/case/${id}/review`;
          }),
        created.id,
      ),
    );
  }

  // Filters apply to the whole list: wait until it is loaded again after the last tab switch.
  await page.locator('select[data-filter="strength"]:not([disabled])').waitFor({ timeout: 60_000 });
  const measure = (action: string) =>
    page.evaluate(async (which) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const select = document.querySelector<HTMLSelectElement>('select[data-filter="strength"]')!;
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const setInput = (value: string) => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const started = performance.now();
      if (which === 'filter-weak') {
        select.value = 'weak';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (which === 'filter-all') {
        select.value = '';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      } else setInput(which === 'search' ? 'rechnung 12' : '');
      await frame();
      return performance.now() - started;
    }, action);
  for (let i = 0; i < runs; i++) {
    filter.push(await measure('filter-weak'));
    await measure('filter-all');
    search.push(await measure('search'));
    await measure('search-clear');
  }
  const result = {
    findings: count,
    runs,
    seedMs: Math.round(seedMs),
    browserStartupWaitMs: browserStartup?.waitedMs ?? null,
    rowsInDom: rows,
    coldFirstPaintMs: Math.round(coldFirstPaint),
    firstPaintMs: Math.round(median(firstPaint)),
    listRequestToPaintMs: Math.round(median(listToPaint)),
    tabSwitchToPaintMs: Math.round(median(tabSwitch)),
    detailShownMs: Math.round(median(detailShown)),
    allLoadedMs: Math.round(median(allLoaded)),
    filterMs: Math.round(median(filter)),
    searchMs: Math.round(median(search)),
  };
  const ratios = {
    coldFirstPaint: +(result.coldFirstPaintMs / GOALS.firstPaintMs).toFixed(2),
    firstPaint: +(result.firstPaintMs / GOALS.firstPaintMs).toFixed(2),
    tabSwitch: +(result.tabSwitchToPaintMs / GOALS.firstPaintMs).toFixed(2),
    filter: +(result.filterMs / GOALS.filterMs).toFixed(2),
  };
  const load = loadavg().map((l) => +l.toFixed(2));
  console.log(JSON.stringify({ ...result, goals: GOALS, ratioToGoal: ratios, loadAverage: load }, null, 2));
  mkdirSync(join(ROOT, 'bench', '.corpus'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', '.corpus', 'review-list-results.json'), `${JSON.stringify({ ...result, goals: GOALS, ratioToGoal: ratios, loadAverage: load, at: new Date().toISOString() }, null, 2)}\n`);
} finally {
  await browser.close();
  await bridge.stop();
  rmSync(dir, { recursive: true, force: true });
}
