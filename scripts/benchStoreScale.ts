// The bench's `store` part (issue #17): fresh stores of 0, 1,000 and 10,000 captures (five audit
// entries each on average, a case for every ten captures), filled through the bench page's
// documented fast path (lib/store/scaleFill.ts), then the screens staff use timed
// in headless Chromium with the e2e build. Method and results: docs/benchmarks.md.
import type { Page } from 'playwright-core';
import { launchWithExtension, saveProfile, type ExtensionBrowser } from '../tests/e2e/support/chromium';
import { startFixtureServer } from '../tests/e2e/support/fixtureServer';
import { screenshotStoredMs } from './benchFloor';
import type { FillResult } from '../lib/store/scaleFill';

const RUNS = Number(process.env.BENCH_STORE_RUNS ?? 7);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export interface StoreScaleMeasure {
  captures: number;
  cases: number;
  entries: number;
  fillMs: number;
  popupMs: number;
  dashboardMs: number;
  dashboardHeapMiB: number;
  clickToStoredMs: number;
  floorMs: number;
  writeToShownMs: number;
  searchMs: number;
  captureSearchMs: number;
  commonSearchMs: number;
  casePageMs: number;
  responsesMs: number;
  reviewMs: number;
  personMs: number;
  commonPersonMs: number;
  commonPersonFound: string;
  eraseMs: number;
  badgeMs: number;
  visibility: string;
}

/**
 * Milliseconds from the page's navigation until `ready` first holds; `ready` runs in the page and
 * returns performance.now() once it holds (the page's CSP refuses code built from strings).
 */
async function openUntil<A>(page: Page, url: string, ready: (arg: A) => number | false, arg: A): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(ready as (arg: unknown) => number | false, arg as unknown, {
    polling: 4,
    timeout: 120_000,
  });
  return (await handle.jsonValue()) as number;
}

/** The popup's form is there with its case chooser filled (when there are cases). */
const popupReady = (hasCases: boolean) =>
  Boolean(document.querySelector('form')) &&
  (!hasCases || document.querySelectorAll('select[name=case] option').length > 2) &&
  performance.now();

/** The capture list's first rows are there and every thumbnail in view is drawn. */
const dashboardReady = (stored: number) => {
  if (stored === 0) return document.body.textContent.includes('No captures yet') && performance.now();
  if (document.querySelectorAll('table.captures tbody tr').length < Math.min(stored, 50)) return false;
  for (const cell of document.querySelectorAll('table.captures td.opens')) {
    if (cell.getBoundingClientRect().top >= innerHeight) break;
    const img = cell.querySelector('img');
    if (!img?.complete || img.naturalWidth === 0) return false;
  }
  return performance.now();
};

const casePageReady = () =>
  Boolean(document.querySelector('#case-heading') && document.querySelector('[data-testid=chronology]')) &&
  performance.now();
const responsesReady = () =>
  Boolean(
    document.querySelector('section[aria-label="Responses due"]') ??
    document.body.textContent.includes('No comments waiting'),
  ) && performance.now();
const reviewReady = () =>
  Boolean(
    document.querySelector('section[aria-label="Review due"] table') ??
    document.body.textContent.includes('Nothing has reached its review date'),
  ) && performance.now();
const peopleReady = () => Boolean(document.querySelector('form[role=search] input[type=search]')) && performance.now();
const caseSearchReady = () => Boolean(document.querySelector('[aria-label="Search cases"]')) && performance.now();

async function measureSize(captures: number): Promise<StoreScaleMeasure> {
  const cases = Math.round(captures / 10);
  const server = await startFixtureServer();
  const browser: ExtensionBrowser = await launchWithExtension();
  const base = `chrome-extension://${browser.extensionId}`;
  try {
    await saveProfile(browser);
    const benchPage = await browser.context.newPage();
    await benchPage.goto(`${base}/export-bench.html`);
    await benchPage.waitForFunction(() => 'exhibitBench' in globalThis);
    const filled = await benchPage.evaluate(
      ({ captures, cases }) =>
        (
          globalThis as unknown as { exhibitBench: { fillStore(a: number, b: number): Promise<FillResult> } }
        ).exhibitBench.fillStore(captures, cases),
      { captures, cases },
    );
    await benchPage.close();
    // The post to capture, in a window of its own: it and the dashboard are each their window's shown tab.
    const tabId = await browser.worker.evaluate(async (url) => {
      const api = (
        globalThis as unknown as {
          chrome: { windows: { create(o: object): Promise<{ tabs?: { id?: number }[] }> } };
        }
      ).chrome;
      return (await api.windows.create({ url, focused: true })).tabs?.[0]?.id;
    }, `${server.origin}/post.html`);
    if (tabId === undefined) throw new Error('The post’s window has no tab.');
    await sleep(3000);
    const stored = filled.captures + 1; // and the template capture the copies came from

    const progress = (what: string) => console.error(`(store of ${captures}: ${what})`);
    progress(`filled in ${(filled.ms / 1000).toFixed(1)} s`);
    const popup: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.context.newPage();
      popup.push(await openUntil(page, `${base}/popup.html?tabId=${tabId}`, popupReady, cases > 0));
      await page.close();
    }

    progress('popup timed');
    const dashboard = await browser.context.newPage();
    const firstScreen: number[] = [];
    for (let run = 0; run < RUNS; run++)
      firstScreen.push(await openUntil(dashboard, `${base}/dashboard.html`, dashboardReady, stored));
    const cdp = await browser.context.newCDPSession(dashboard);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    progress('dashboard timed');
    const clickToStored: number[] = [];
    const writeToShown: number[] = [];
    const floor: number[] = [];
    let visibility = '';
    for (let run = 0; run < RUNS; run++) {
      await sleep(1100); // captureVisibleTab's rate limit
      floor.push(await screenshotStoredMs(browser.worker));
      await sleep(1100);
      const taken = await dashboard.evaluate(async (tabId) => {
        // No named functions in here: the bench runs under tsx, whose names would come along as __name calls.
        const seen = new Map<string, number>();
        const observer = new MutationObserver(() => {
          for (const row of document.querySelectorAll<HTMLElement>('table.captures tbody tr[data-capture-id]')) {
            const id = row.dataset.captureId;
            if (id && !seen.has(id)) seen.set(id, performance.now());
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const api = (
          globalThis as unknown as {
            chrome: {
              runtime: {
                sendMessage(m: object): Promise<{ ok: boolean; message?: string; value: { metadata: { id: string } } }>;
              };
            };
          }
        ).chrome;
        const start = performance.now();
        const reply = await api.runtime.sendMessage({
          type: 'capture.tab',
          tabId,
          mode: 'visible',
          form: { category: { id: 'threats' }, note: 'benchmark', author: {} },
        });
        const storedAt = performance.now();
        if (!reply.ok) throw new Error(reply.message);
        const id = reply.value.metadata.id;
        while (!seen.has(id) && performance.now() - storedAt < 60_000) await new Promise((r) => setTimeout(r, 1));
        observer.disconnect();
        return {
          clickToStored: storedAt - start,
          storedToShown: (seen.get(id) ?? NaN) - storedAt,
          visibility: document.visibilityState,
        };
      }, tabId);
      clickToStored.push(taken.clickToStored);
      writeToShown.push(taken.storedToShown);
      visibility = taken.visibility;
    }

    progress('captures timed');
    // The case search: words of the captures' texts, each typed into an open Cases tab.
    const casesTab = await browser.context.newPage();
    await openUntil(casesTab, `${base}/dashboard.html#tab=cases`, caseSearchReady, null);
    await sleep(500);
    const rareWord = filled.searchWord.slice(0, -1); // a word's beginning, as typed
    const search = await searchTimes(casesTab, 'Search cases', rareWord);
    await casesTab.close();
    // The capture list's search, in the open dashboard: a rare word, and one in a sixth of all titles.
    const captureSearch = await searchTimes(dashboard, 'Search captures', rareWord);
    const commonSearch = await searchTimes(dashboard, 'Search captures', 'facebook');
    const casePage: number[] = [];
    const responses: number[] = [];
    const review: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      if (filled.sampleCaseId) {
        const page = await browser.context.newPage();
        casePage.push(await openUntil(page, `${base}/dashboard.html#case=${filled.sampleCaseId}`, casePageReady, null));
        await page.close();
      }
      const page = await browser.context.newPage();
      responses.push(await openUntil(page, `${base}/dashboard.html#tab=responses`, responsesReady, null));
      review.push(await openUntil(page, `${base}/dashboard.html?review#tab=review`, reviewReady, null));
      await page.close();
    }
    // Find a person, searched from a freshly opened tab: a name in ten captures' page text whatever the
    // store's size (the empty store's one capture names no one made up: its author is searched), and a
    // common one, in 1 in 150 pages and as many authors, whose answer grows with the store.
    const person: number[] = [];
    const commonPerson: number[] = [];
    let commonPersonFound = '';
    for (let run = 0; run < RUNS; run++) {
      for (const [name, times] of [
        [captures >= 10 ? filled.rareName : 'parent', person],
        [filled.personName || 'parent', commonPerson],
      ] as const) {
        const page = await browser.context.newPage();
        await openUntil(page, `${base}/dashboard.html#tab=people`, peopleReady, null);
        const searched = await personSearchTime(page, name);
        times.push(searched.ms);
        if (times === commonPerson) commonPersonFound = searched.found;
        await page.close();
      }
    }
    const badge: number[] = [];
    for (let run = 0; run < RUNS; run++)
      badge.push(
        await dashboard.evaluate(async () => {
          const api = (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean }> } } }
          ).chrome;
          const start = performance.now();
          const reply = await api.runtime.sendMessage({ type: 'badge.refresh' });
          if (!reply.ok) throw new Error('The badge was not recounted.');
          return performance.now() - start;
        }),
      );

    // Erasure last: each erases the newest capture.
    const erase: number[] = [];
    const eraser = await browser.context.newPage();
    await eraser.goto(`${base}/export-bench.html`);
    await eraser.waitForFunction(() => 'exhibitBench' in globalThis);
    for (let run = 0; run < RUNS; run++)
      erase.push(
        (
          await eraser.evaluate(() =>
            (
              globalThis as unknown as { exhibitBench: { eraseNewest(): Promise<{ ms: number }> } }
            ).exhibitBench.eraseNewest(),
          )
        ).ms,
      );
    await eraser.close();

    return {
      captures: filled.captures,
      cases: filled.cases,
      entries: filled.entries,
      fillMs: filled.ms,
      popupMs: median(popup),
      dashboardMs: median(firstScreen),
      dashboardHeapMiB: heap.usedSize / 2 ** 20,
      clickToStoredMs: median(clickToStored),
      floorMs: median(floor),
      writeToShownMs: median(writeToShown),
      searchMs: search,
      captureSearchMs: captureSearch,
      commonSearchMs: commonSearch,
      casePageMs: median(casePage),
      responsesMs: median(responses),
      reviewMs: median(review),
      personMs: median(person),
      commonPersonMs: median(commonPerson),
      commonPersonFound,
      eraseMs: median(erase),
      badgeMs: median(badge),
      visibility,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Each run types `word` into the search box labelled `label` (and the next clears it), timed from
 * the keystroke until the results marked as that search's are shown; the typing runs' median.
 */
async function searchTimes(page: Page, label: string, word: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS * 2; run++) {
    const typed = run % 2 === 0 ? word : '';
    const ms = await page.evaluate(
      async ({ label, text }) => {
        const input = document.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
        if (!input) throw new Error(`No search box labelled ${label}.`);
        input.focus();
        input.select();
        const start = performance.now();
        // Typed as the browser types it: one input event, which React takes as a keystroke.
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to type as a person does from a page script
        if (text) document.execCommand('insertText', false, text);
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- as above, to clear the box
        else document.execCommand('delete');
        while (
          ![...document.querySelectorAll('[data-results-for]')].some(
            (e) => e.getAttribute('data-results-for') === text && e.getAttribute('aria-busy') !== 'true',
          ) &&
          performance.now() - start < 60_000
        )
          await new Promise((r) => setTimeout(r, 1));
        return performance.now() - start;
      },
      { label, text: typed },
    );
    if (typed) times.push(ms);
  }
  return median(times);
}

/** A person's name typed into Find a person and searched: from the Search click until the results are shown. */
function personSearchTime(page: Page, name: string): Promise<{ ms: number; found: string }> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('form[role=search] input[type=search]');
    const button = document.querySelector<HTMLButtonElement>('form[role=search] button[type=submit]');
    if (!input || !button) throw new Error('No person search on the page.');
    input.focus();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to type as a person does from a page script
    document.execCommand('insertText', false, text);
    const start = performance.now();
    button.click();
    while (
      !document.querySelector('[data-testid=person-results]')?.textContent.includes('Found in') &&
      performance.now() - start < 60_000
    ) {
      const refused = document.querySelector('[role=alert]')?.textContent;
      if (refused) throw new Error(`The person search was refused: ${refused}`);
      await new Promise((r) => setTimeout(r, 1));
    }
    const ms = performance.now() - start;
    return { ms, found: document.querySelector('[data-testid=person-results] [role=status]')?.textContent ?? '' };
  }, name);
}

/** Each size in its own browser and profile, one after another, in the same run. */
export async function measureStoreScale(sizes: readonly number[]): Promise<StoreScaleMeasure[]> {
  const measures: StoreScaleMeasure[] = [];
  for (const size of sizes) {
    const measure = await measureSize(size);
    console.error(`(store of ${size} captures: ${JSON.stringify(measure)})`);
    measures.push(measure);
  }
  return measures;
}

/** The results as the bench's table rows: each figure per size, with the targets. */
export function storeScaleRows(measures: readonly StoreScaleMeasure[]): string[][] {
  const figures: [keyof StoreScaleMeasure, string, string][] = [
    ['popupMs', 'popup open → form ready (case chooser filled)', '< 150 ms'],
    ['dashboardMs', 'dashboard open → first screen complete (rows and thumbnails in view)', '< 200 ms'],
    ['writeToShownMs', 'a capture stored → its row shown in the open dashboard', '< 150 ms'],
    ['searchMs', 'case search: a word typed → its results shown', '< 150 ms'],
    ['captureSearchMs', 'capture search: a rare word typed → its rows shown', '< 150 ms'],
    ['commonSearchMs', 'capture search: “facebook” (in a sixth of all titles) typed → rows shown', '< 150 ms'],
    ['casePageMs', 'a case page open → chronology shown', ''],
    ['responsesMs', 'responses due open → list shown', ''],
    ['reviewMs', 'review due open → list shown (issue #18; a fifth of the store is due at 10,000)', ''],
    ['personMs', 'find a person: a name in ten captures’ page text searched → places shown (issue #18)', '< 150 ms'],
    ['commonPersonMs', 'find a person: a common name (1 in 150 pages, as many authors) → places shown', ''],
    ['eraseMs', 'erasure of one capture, confirmed → done (issue #18)', ''],
    ['badgeMs', 'toolbar badge recount (message round trip)', ''],
    ['clickToStoredMs', 'visible capture, click → stored (post.html, DPR 1)', 'within 30 ms of the floor'],
    ['floorMs', '  floor: the screenshot stored alone', ''],
    ['dashboardHeapMiB', 'dashboard page JS heap after its first screen (after GC)', ''],
  ];
  const reference = measures.filter((m) => m.captures <= 1000);
  const rows: string[][] = [];
  for (const [key, what, target] of figures) {
    for (const m of measures) {
      const value = m[key] as number;
      const unit = key === 'dashboardHeapMiB' ? 'MiB' : 'ms';
      const worstSmall = Math.max(...reference.map((r) => r[key] as number));
      const ratio =
        m.captures > 1000 && reference.length > 0 ? ` (${(value / worstSmall).toFixed(2)}× the 0–1,000 figure)` : '';
      rows.push([
        `${what}, ${m.captures.toLocaleString('en-GB')} captures`,
        `${value.toFixed(unit === 'MiB' ? 1 : 0)} ${unit}${ratio}`,
        m.captures > 1000
          ? [target, key === 'dashboardHeapMiB' ? '' : '≤ 1.5× at 0–1,000'].filter(Boolean).join('; ')
          : target,
      ]);
    }
  }
  for (const m of measures)
    rows.push([`  the common name, ${m.captures.toLocaleString('en-GB')} captures: ${m.commonPersonFound}`, '', '']);
  for (const m of measures)
    rows.push([
      `  store of ${m.captures.toLocaleString('en-GB')} captures: ${m.cases} cases, ${m.entries.toLocaleString('en-GB')} audit entries, filled in ${(m.fillMs / 1000).toFixed(1)} s; dashboard ${m.visibility} while capturing`,
      '',
      '',
    ]);
  return rows;
}
