// The benchmark: builds nothing itself (tests/tools/bench.sh does), measures the release
// build in headless Chromium against the stand-in, prints a table and JSON, and exits 1 when
// a budget is missed. Usage: node tests/e2e/bench.mjs [--json FILE]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CATALOGUE, launchBrowser, openPage, startStack } from './harness.mjs';
import { serveApart } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const dist = process.env.HELPDESK_DIST ?? join(root, 'dist');
/** The yardstick of the cold start: tests/minimal-page, built by tests/tools/bench.sh. */
const minimalDist = process.env.MINIMAL_DIST ?? join(root, 'target', 'minimal-dist');
const LATENCY_MS = 100;
const COLD_RUNS = 7;
/** Presses timed for the user view and the device page, each on a new page: one press alone swings with the machine. */
const VIEW_RUNS = 5;
const BUDGETS = {
  firstLoadBrotliKB: 150,
  userViewRounds: 1,
  userViewMs: 500,
  devicePageRounds: 1,
  devicePageMs: 400,
  signInsExtraRounds: 1,
  signInsAfterUserViewMs: 300,
  catalogueLoadMs: 3000,
  catalogueRounds: 6,
  assignmentsComputeMs: 50,
  findingsComputeMs: 20,
  longTaskMs: 50,
  largeTableUsableMs: 300,
  filterKeystrokeMs: 100,
  typeaheadRequestsPerPause: 1,
  typeaheadStaleResults: 0,
  chunkOnlyTextsInFirstLoad: 0,
  // Lee Gu ten times larger (15,000 groups, 1,000 devices, 50,000 failures).
  tenfoldTableUsableMs: 100,
  tenfoldFilterKeystrokeMs: 16,
  // Not in issue 19: the keystroke's echo comes first, the rows a frame later; they are held
  // to the tables' own budget.
  tenfoldFilterResultMs: 100,
  tenfoldSortMs: 50,
  tenfoldHeapMB: 60,
  tenfoldLongTaskMs: 50,
  tenfoldHeldAfterSwitchingRatio: 1.1,
  // Ratios measured in the same run, which hold across machines where absolute times drift.
  coldStartRatio: 1.5,
  userViewRatio: 1.3,
  devicePageRatio: 1.5,
};

/** Texts that only pages of the user view's chunk show: the first load must not carry them. */
const CHUNK_ONLY_TEXTS = [
  'Intune installed the app, but it is no longer detected', // the app install catalogue
  'Intune and Entra ID agree about this device.', // a device page message (ViewMsg)
];

/** The search box has focus and takes input: the portal is usable. */
const searchReady = () => document.activeElement?.id === 'user-search' && !document.activeElement.disabled;
/** What `noteSearchReady` logs: the driver learns it without a script of its own in the page. */
const SEARCH_READY = 'bench: the search box takes input';
/**
 * An init script: `window.__searchReadyAt` becomes the page's time when focus reaches the box,
 * or the first frame it is ready, whichever is first, and the page logs `SEARCH_READY`.
 */
const noteSearchReady = `(() => {
  const ready = ${searchReady};
  const note = () => {
    if (window.__searchReadyAt !== undefined || !ready()) return window.__searchReadyAt !== undefined;
    window.__searchReadyAt = performance.now();
    console.info(${JSON.stringify(SEARCH_READY)});
    return true;
  };
  addEventListener('focusin', note, true);
  const check = () => note() || requestAnimationFrame(check);
  requestAnimationFrame(check);
})()`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/**
 * The portal's files the browser fetches until the search box takes input (a signed-in tab
 * reloaded): the document, and every request started before the box takes input, in the
 * page's clock. The requests the driver sees until its own wait returns would also count
 * what the page asks for just after that moment (the account state's code).
 */
async function firstLoadFiles(browser, stack) {
  const page = await openPage(browser, { stack });
  await page.addInitScript(noteSearchReady);
  await page.goto(stack.portalUrl);
  await page.waitForFunction(() => window.__searchReadyAt !== undefined);
  const origin = new URL(stack.portalUrl).origin;
  const started = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.startTime <= window.__searchReadyAt).map((e) => e.name));
  const files = new Set(['index.html']);
  for (const address of started) {
    const url = new URL(address);
    if (url.origin === origin) files.add(url.pathname.split('/').pop() || 'index.html');
  }
  await page.context().close();
  return files;
}

/** Sizes of dist/'s files fetched at first load, by kind; the others (the user view's chunk) as `later`. */
async function transferSizes(firstLoad) {
  const kinds = { wasm: ['.wasm'], js: ['.js'], css: ['.css'], html: ['.html'] };
  const sizes = {};
  const later = {};
  for (const file of await readdir(dist)) {
    const kind = Object.keys(kinds).find((k) => kinds[k].includes(extname(file)));
    if (!kind) continue;
    const body = await readFile(join(dist, file));
    const size = {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    if (!firstLoad.has(file)) {
      later[file] = size;
      continue;
    }
    const entry = (sizes[kind] ??= { raw: 0, gzip: 0, brotli: 0 });
    for (const key of Object.keys(size)) entry[key] += size[key];
  }
  const total = Object.values(sizes).reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  // Each text is looked for in every file: found in none, the check would prove nothing.
  let chunkTextsInFirstLoad = 0;
  const found = new Set();
  for (const file of await readdir(dist)) {
    const body = await readFile(join(dist, file)).catch(() => Buffer.alloc(0));
    const present = CHUNK_ONLY_TEXTS.filter((text) => body.includes(Buffer.from(text)));
    present.forEach((text) => found.add(text));
    if (firstLoad.has(file)) chunkTextsInFirstLoad += present.length;
  }
  if (found.size !== CHUNK_ONLY_TEXTS.length) throw new Error('a chunk-only text is in no file of dist/: update CHUNK_ONLY_TEXTS');
  return { firstLoad: { ...sizes, total }, later, chunkTextsInFirstLoad };
}

/**
 * One cold start of the portal: signed in first, since a cold start is a reload of a signed-in
 * tab, which resumes with the access token it kept. A new tab of the same browser holds none:
 * it signs in through Entra's session (prompt=none, no page shown), across that round trip and
 * two documents.
 */
async function portalColdStart(browser, stack) {
  const page = await openPage(browser, { stack });
  await page.context().addInitScript(noteSearchReady);
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const { pageMs: ready, driverMs: driverReady } = await reloadToSearchBox(page, stack.portalUrl);
  await page.waitForTimeout(300);
  const lcp = await page.evaluate(() => window.__lcp);
  // Across two documents: only the machine's clock spans them.
  const { driverMs: newTab } = await reloadToSearchBox(await page.context().newPage(), stack.portalUrl);
  await page.context().close();
  return { ready, driverReady, lcp, newTab };
}

/** One cold start of tests/minimal-page: loaded once and then again. */
async function minimalColdStart(browser, url) {
  const page = await openPage(browser);
  await page.addInitScript(noteSearchReady);
  await page.goto(url);
  await page.waitForFunction(searchReady);
  const ready = await reloadToSearchBox(page, url);
  await page.context().close();
  return ready;
}

/**
 * The portal's cold starts and the minimal page's, by turns (each first every other time): both
 * see the machine as it is in the same minute. Each is served by a process of its own, as by a
 * static host: served by the driver's, the portal's config.json came 0–20 ms late, after the
 * page's network events the driver handles first.
 */
async function coldStarts(browser, stack) {
  const server = await serveApart(minimalDist);
  const minimalUrl = `${server.url}/`;
  const portal = [];
  const minimal = [];
  try {
    // Which of the two goes first alternates, so neither always meets the machine as the other left it.
    for (let i = 0; i < COLD_RUNS; i++) {
      const portalRun = () => portalColdStart(browser, stack).then((run) => portal.push(run));
      const minimalRun = () => minimalColdStart(browser, minimalUrl).then((run) => minimal.push(run));
      for (const run of i % 2 === 0 ? [portalRun, minimalRun] : [minimalRun, portalRun]) await run();
    }
  } finally {
    await server.stop();
  }
  const at = (key) => Math.round(median(portal.map((run) => run[key])));
  return {
    coldStart: { searchReadyMs: at('ready'), driverSearchReadyMs: at('driverReady'), newTabMs: at('newTab'), lcpMs: at('lcp'), runs: COLD_RUNS },
    minimalColdStart: {
      searchReadyMs: Math.round(median(minimal.map((run) => run.pageMs))),
      driverSearchReadyMs: Math.round(median(minimal.map((run) => run.driverMs))),
      runs: COLD_RUNS,
    },
  };
}

/**
 * An init script: `window.__shown[text]` becomes the time of the frame after each of `watch`'s
 * texts first enters the page (every page's Resource Timing kept for the measures).
 */
function watchShown(watch) {
  performance.setResourceTimingBufferSize(5000);
  window.__watch = watch;
  window.__shown = {};
  new MutationObserver(() => {
    const text = document.body?.textContent ?? '';
    for (const wanted of window.__watch) {
      if (window.__shown[wanted] === undefined && text.includes(wanted)) {
        window.__shown[wanted] = null;
        requestAnimationFrame(() => (window.__shown[wanted] = performance.now()));
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** The stand-in's Lee Gu ten times larger than the demo's. */
const TENFOLD = { groups: 15_000, devices: 1_000, failures: 50_000 };

/**
 * Keeps the Event Timing entries (events slower than 16 ms) from now on: each event's
 * duration, and of it how long it waited for the page's thread and how long its handlers ran
 * (the rest is the wait for its frame to be shown).
 */
const watchEvents = (page) => page.evaluate(() => {
  window.__events = [];
  window.__eventEntry = (e) => ({ name: e.name, duration: e.duration, waitedMs: e.processingStart - e.startTime, handledMs: e.processingEnd - e.processingStart });
  window.__eventTiming = new PerformanceObserver((list) => window.__events.push(...list.getEntries().map(window.__eventEntry)));
  window.__eventTiming.observe({ type: 'event', durationThreshold: 16, buffered: true });
});

/**
 * The entries kept since the last call. An event's entry is queued once the frame after it is
 * painted: two frames on, every entry so far is in (taken from the observer, delivered or not).
 */
const eventsSoFar = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  window.__events.push(...window.__eventTiming.takeRecords().map(window.__eventEntry));
  resolve(window.__events.splice(0));
})))));

/** An operator's pace: between two keys, and between a click into a box and the first key. */
const KEY_PAUSE_MS = 120;

/**
 * Types `word` in the table's filter at an operator's pace, from a click into the box. Sent by
 * Playwright as is, the first key comes a few milliseconds after the click and a clearing
 * `fill('')` selects and deletes at once: each then waits for the frame before its own to be
 * shown, a wait no operator's hand makes (typed so, a minimal Leptos page's keys reached 18.9 ms).
 */
async function typeInFilter(page, word) {
  await page.getByLabel('Filter').click();
  await page.waitForTimeout(KEY_PAUSE_MS);
  await page.keyboard.type(word, { delay: KEY_PAUSE_MS });
}

/** Empties the focused filter at an operator's pace: all of it selected, then Backspace. */
async function clearFilter(page) {
  await page.keyboard.press('Control+A');
  await page.waitForTimeout(KEY_PAUSE_MS);
  await page.keyboard.press('Backspace');
}

/**
 * Sorts by the OS version column: from the press to the frame that shows the sorted rows, in
 * the page's clock. The button is found by CSS before the press and the wait is the page's own
 * promise: a role query (`getByRole`) runs on the page's thread, 20 ms on 50,000 rows' page,
 * and polled after the press it can delay the very frame being timed.
 */
const sortByOsVersion = async (page) => {
  await page.evaluate(() => {
    const before = document.querySelector('main tbody tr');
    window.__done = () => /^OS version/.test(document.querySelector('main th[aria-sort=ascending]')?.textContent ?? '')
      && document.querySelector('main tbody tr') !== before;
  });
  return pressToFrame(page, () => page.locator('main th button', { hasText: /^OS version/ }).click());
};

/**
 * Lee Gu ten times larger: each large tab usable after its last page, the longest task while
 * its pages arrive (Long Tasks API), a filter keystroke (Event Timing) and a sort (from the
 * press to the sorted rows, and Event Timing) on 50,000 rows, the heap with it all, and the
 * heap after switching to Adele and back ten times.
 */
async function tenfold(browser) {
  const big = await startStack({
    apart: true,
    mockArgs: ['--latency-ms', String(LATENCY_MS), '--large-groups', String(TENFOLD.groups), '--large-devices', String(TENFOLD.devices), '--large-failures', String(TENFOLD.failures)],
  });
  try {
    const page = await openPage(browser, { stack: big });
    await page.addInitScript(() => {
      // Trunk's loader announces the started module, its memory with it.
      addEventListener('TrunkApplicationStarted', (event) => (window.__wasmMemory = event.detail.wasm.memory));
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
    });
    await page.addInitScript(watchShown, [TENFOLD.groups, TENFOLD.devices, TENFOLD.failures].map((n) => `${n} of ${n}`));
    const lee = `${big.portalUrl}/users/LeeG@contoso.onmicrosoft.com`;
    // A tab opened by its address: usable after the last page (Resource Timing), and the longest
    // task from its first page's arrival to then.
    const open = async (tab, pages, total) => {
      const text = `${total} of ${total}`;
      await page.goto(`${lee}/${tab}`);
      await page.getByText(text).waitFor({ timeout: 120_000 });
      await page.waitForFunction((wanted) => window.__shown[wanted] > 0, text);
      return page.evaluate(({ wanted, pages }) => {
        const shown = window.__shown[wanted];
        const arrivals = performance.getEntriesByType('resource').filter((e) => e.name.includes(pages) && e.responseEnd < shown).map((e) => e.responseEnd);
        const first = Math.min(...arrivals);
        const last = Math.max(...arrivals);
        const during = window.__longTasks.filter((t) => t.start + t.duration > first && t.start < shown).map((t) => t.duration);
        return { usableMs: Math.round(Math.max(0, shown - last)), longestTaskMs: Math.round(Math.max(0, ...during)), pages: arrivals.length };
      }, { wanted: text, pages });
    };
    const groups = await open('groups', 'transitiveMemberOf', TENFOLD.groups);
    // The devices' only page comes in the user view's `$batch`.
    const devices = await open('devices', '$batch', TENFOLD.devices);
    const failures = await open('enrollment-failures', 'deviceManagementTroubleshootingEvents', TENFOLD.failures);

    await watchEvents(page);
    await typeInFilter(page, 'device');
    await page.getByText(/of 50000/).waitFor();
    await clearFilter(page);
    await page.getByText('50000 of 50000').waitFor();
    const typing = await eventsSoFar(page);
    // A word entered at once (pasted): from its input to the frame that shows its rows, the
    // 50,000 searched and the first page built again.
    const filterResultMs = await page.evaluate(() => new Promise((resolve) => {
      const box = document.querySelector('main input[type=search]');
      const count = document.querySelector('main .count');
      new MutationObserver((_, observer) => {
        observer.disconnect();
        requestAnimationFrame(() => resolve(Math.round(performance.now() - started)));
      }).observe(count, { childList: true, characterData: true, subtree: true });
      const started = performance.now();
      box.value = 'device';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }));
    await page.getByLabel('Filter').fill('');
    await page.getByText('50000 of 50000').waitFor();
    await machineQuiet();
    const sortedMs = await sortByOsVersion(page);
    // The press's own events until their frame is on screen (Event Timing), beside the rows: the
    // longer of the two is the sort's time.
    const sorting = await eventsSoFar(page);
    const sortMs = Math.max(sortedMs, ...sorting.filter((e) => ['click', 'pointerup', 'pointerdown'].includes(e.name)).map((e) => Math.round(e.duration)));
    const keyEvents = typing.filter((e) => ['keydown', 'keyup', 'input', 'keypress'].includes(e.name));
    const keys = keyEvents.map((e) => e.duration);
    const slowestKey = keyEvents.sort((a, b) => b.duration - a.duration)[0];

    // The JS heap plus the wasm's memory, where the portal's data lives: `reserved` counts the
    // wasm's linear memory, which never shrinks (its high-water mark: the 60 MB budget);
    // `held` counts what the portal's allocator holds now (`heapInUse`), which tells a leak
    // from a past peak.
    const cdp = await page.context().newCDPSession(page);
    const memoryMB = async () => {
      await page.waitForFunction(() => !document.querySelector('main [aria-busy=true]'), null, { timeout: 120_000 });
      await cdp.send('HeapProfiler.collectGarbage');
      const bytes = await page.evaluate(() => {
        const js = performance.memory.usedJSHeapSize;
        return { reserved: js + window.__wasmMemory.buffer.byteLength, held: js + window.wasmBindings.heapInUse() };
      });
      const mb = (n) => Math.round((n / 1024 / 1024) * 10) / 10;
      return { reserved: mb(bytes.reserved), held: mb(bytes.held) };
    };
    const withIt = await memoryMB();
    // Adele and back, ten times, through the search box as an operator would.
    const pick = async (typed, name) => {
      await page.getByRole('link', { name: 'Change user' }).click();
      await page.getByRole('combobox', { name: 'Name or e-mail' }).fill(typed);
      await page.getByRole('option', { name }).click();
      await page.getByTestId('licence').and(page.locator(':not([aria-busy=true])')).waitFor();
    };
    const switchTenTimes = async () => {
      for (let i = 0; i < 10; i++) {
        await pick('adele', /Adele Vance/);
        await pick('lee', /Lee Gu/);
      }
      await page.getByRole('link', { name: /^Enrollment failures/ }).click();
      await page.getByText(`${TENFOLD.failures} of ${TENFOLD.failures}`).waitFor({ timeout: 120_000 });
      // Lee Gu left while his follow-ups were loading is loaded again when he comes back: what
      // is measured is where memory settles, once nothing loads.
      return memoryMB();
    };
    // Back near the start after ten switches (Adele's session joins the recent users, kept on
    // purpose), and no further growth after ten more.
    const afterTen = await switchTenTimes();
    const afterTwenty = await switchTenTimes();
    await page.close();
    return {
      groups,
      devices,
      failures,
      // Event Timing reports only events slower than 16 ms; none reported means under 16 ms.
      filterKeystrokeMaxMs: Math.round(Math.max(0, ...keys)),
      slowestKeyEvent: slowestKey && {
        name: slowestKey.name,
        ms: Math.round(slowestKey.duration),
        waitedMs: Math.round(slowestKey.waitedMs * 10) / 10,
        handledMs: Math.round(slowestKey.handledMs * 10) / 10,
      },
      filterResultMs,
      sortMs,
      heapWithItMB: withIt.reserved,
      heldAtStartMB: withIt.held,
      heldAfterTenMB: afterTen.held,
      heldAfterTwentyMB: afterTwenty.held,
      reservedAfterTwentyMB: afterTwenty.reserved,
    };
  } finally {
    await big.stop();
  }
}

/**
 * From `goto` to the search box taking input (the page has `noteSearchReady`), once the machine
 * is quiet: `pageMs` in the page's clock, from its navigation to the moment that script saw;
 * `driverMs` in the machine's clock, from `goto` to the page's log reaching the driver, which
 * may span documents. The driver waits for the log rather than with `waitForFunction`, whose
 * script (10 ms to evaluate here) would land in the page's start-up.
 */
async function reloadToSearchBox(page, url) {
  await machineQuiet();
  const announced = page.waitForEvent('console', { predicate: (message) => message.text() === SEARCH_READY, timeout: 60_000 });
  const started = Date.now();
  await page.goto(url);
  await announced;
  const driverMs = Date.now() - started;
  return { pageMs: await page.evaluate(() => window.__searchReadyAt), driverMs };
}

/** Busy share of both cores over 50 ms, from /proc/stat. */
async function machineBusy() {
  const sample = async () => {
    const fields = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: fields[3] + fields[4], total: fields.reduce((sum, n) => sum + n, 0) };
  };
  const before = await sample();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const after = await sample();
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}

/**
 * Waits until the machine is quiet (under 10% busy for 50 ms, at most 5 s): a browser context
 * just closed keeps both cores busy for up to a second, and a cold start measured then read
 * 80–230 ms for the same build, 100–150 ms once it was over.
 */
async function machineQuiet() {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && (await machineBusy()) >= 0.1);
}

/**
 * One bare round trip to the stand-in at the bench's latency, from a signed-in page: a
 * `$batch` POST the stand-in refuses (no valid token) after its latency, as the portal's calls
 * are sent (same origin, same headers, the preflight already cached). Median of the page's clock.
 */
async function bareRoundTrip(browser, stack) {
  const page = await openPage(browser, { stack });
  await machineQuiet();
  const times = await page.evaluate(async ({ graph, runs }) => {
    const times = [];
    for (let i = 0; i < runs + 1; i++) {
      const started = performance.now();
      await fetch(`${graph}/v1.0/$batch`, {
        method: 'POST',
        headers: { authorization: 'Bearer bench', 'content-type': 'application/json' },
        body: '{"requests":[]}',
        cache: 'no-store',
      });
      times.push(performance.now() - started);
    }
    return times.slice(1);
  }, { graph: stack.mockUrl, runs: COLD_RUNS });
  await page.close();
  return { ms: Math.round(median(times) * 10) / 10, runs: times.length };
}

/**
 * From the operator's press (`pointerdown`) to the first frame where `window.__done()` holds,
 * in the page's clock: what the operator waits, without the test driver's own delays. The
 * wait is a promise of the page's own, not `waitForFunction`: Playwright's first one on a page
 * installs its script there, 10–14 ms on the page's thread while the calls are out.
 */
async function pressToFrame(page, press) {
  await page.evaluate(() => {
    window.__pressedAt = undefined;
    addEventListener('pointerdown', () => (window.__pressedAt = performance.now()), { capture: true, once: true });
    window.__frame = new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('the view was not done within 60 s')), 60_000);
      const check = () => {
        if (window.__pressedAt !== undefined && window.__done()) resolve(performance.now() - window.__pressedAt);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
  await press();
  return Math.round(await page.evaluate(() => window.__frame));
}

/** The user view's three cards hold their data (installed as `window.__done`). */
const userViewDone = () => {
  window.__done = () => ['licence', 'devices-summary', 'apps-summary'].every((id) => {
    const card = document.querySelector(`[data-testid=${id}]`);
    return card && !card.querySelector('[aria-busy=true]') && card.innerText.split('\n').length > 1;
  });
};

/** Sequential rounds: a call that starts after every call of the round before it had ended opens a new round. */
function rounds(requests) {
  const outer = requests.filter((r) => r.batch === undefined).sort((a, b) => a.startedMs - b.startedMs);
  let count = 0;
  let roundEnd = -Infinity;
  for (const r of outer) {
    if (r.startedMs >= roundEnd) {
      count += 1;
      roundEnd = r.finishedMs;
    } else {
      roundEnd = Math.max(roundEnd, r.finishedMs);
    }
  }
  return count;
}

/** The devices' Entra records and groups, which the findings read after the user view. */
const devicesInEntra = (r) => /\/devices(\?|\(deviceId=)/.test(r.path);
/**
 * What loads after the user view on purpose, measured apart (signIns and findings below): the
 * sign-ins, beside them the compliance states that explain a sign-in refused for a
 * non-compliant device, and the devices' Entra records and groups for the findings.
 */
const followUp = (r) => r.path.includes('/auditLogs/') || r.path.includes('/deviceCompliancePolicyStates') || devicesInEntra(r);
const inCatalogue = (r) => CATALOGUE.test(r.path);

/** `requests` without those `leaveOut` picks, a `$batch` going with its steps. */
function without(requests, leaveOut) {
  const batches = new Set(requests.filter((r) => r.batch !== undefined && leaveOut(r)).map((r) => r.batch));
  return requests.filter((r) => !leaveOut(r) && !batches.has(r.batch ?? r.seq));
}
const withoutFollowUp = (requests) => without(requests, (r) => followUp(r) || inCatalogue(r));

/** `measure` run `VIEW_RUNS` times: the median time, the rounds and calls of the last run. */
async function medianPress(measure) {
  const runs = [];
  for (let run = 0; run < VIEW_RUNS; run += 1) runs.push(await measure());
  const later = runs.every((r) => r.laterMs !== undefined) ? { laterMs: median(runs.map((r) => r.laterMs)) } : {};
  return { ...runs.at(-1), elapsedMs: median(runs.map((r) => r.elapsedMs)), ...later, runs: VIEW_RUNS };
}

async function userView(browser, stack) {
  const page = await openPage(browser, { stack });
  await page.goto(stack.portalUrl);
  const search = page.getByRole('combobox', { name: 'Name or e-mail' });
  await search.fill('adele');
  const option = page.getByRole('option', { name: /Adele Vance/ });
  await option.waitFor();
  // An operator's first press comes a second or more after the portal opens (a name to type),
  // by when the portal has run the user view's code once on a made-up user (state::warm_up).
  await page.waitForFunction(() => performance.getEntriesByName('helpdesk:warm-up').length > 0);
  await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
  await page.evaluate(userViewDone);
  await machineQuiet();
  const elapsedMs = await pressToFrame(page, () => option.click());
  await page.waitForTimeout(500);
  const requests = withoutFollowUp(await stack.requests());
  // A later user in the same page (Alex after Adele): the code has run once, as on an
  // operator's second call of the day; the first view also pays for the browser compiling
  // that code on its first use.
  await page.waitForFunction(() => !document.querySelector('main [aria-busy=true]'));
  await page.getByRole('link', { name: 'Change user' }).click();
  await search.fill('alex');
  const alex = page.getByRole('option', { name: /Alex Wilber/ });
  await alex.waitFor();
  await machineQuiet();
  const laterMs = await pressToFrame(page, () => alex.click());
  await page.close();
  return { elapsedMs, laterMs, rounds: rounds(requests), calls: requests.length };
}

/** Opening Adele's laptop from her user view (already loaded) until every section is shown. */
async function devicePage(browser, stack) {
  const page = await openPage(browser, { stack });
  // The log starts empty, so the wait below sees this page's follow-up, not an earlier one's.
  await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
  await page.goto(`${stack.portalUrl}/users/AdeleV@contoso.onmicrosoft.com`);
  const link = page.getByTestId('devices-summary').getByRole('link', { name: 'DESKTOP-ADELE01' });
  await link.waitFor();
  // Everything Adele's findings read answered first (her sign-ins, her devices' compliance
  // states, Entra records and groups, the tenant's catalogue): none of it is the device page's.
  await page.getByTestId('findings').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('main [aria-busy=true]'));
  await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
  await page.evaluate(() => {
    window.__done = () => document.querySelector('[data-testid=deployment]') && document.querySelector('[data-testid=log-table]')
      && document.querySelector('[data-testid=primary-users]') && !document.querySelector('main [aria-busy=true]');
  });
  await machineQuiet();
  const elapsedMs = await pressToFrame(page, () => link.click());
  await page.waitForTimeout(500);
  const requests = without(await stack.requests(), inCatalogue);
  await page.close();
  return { elapsedMs, rounds: rounds(requests), calls: requests.length };
}

/** The sign-ins tab opened as soon as the user view is in: from the press on its tab to its first page. */
async function signIns(browser, stack) {
  const page = await openPage(browser, { stack });
  await page.goto(stack.portalUrl);
  const search = page.getByRole('combobox', { name: 'Name or e-mail' });
  await search.fill('adele');
  const option = page.getByRole('option', { name: /Adele Vance/ });
  await option.waitFor();
  await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
  await page.evaluate(userViewDone);
  await pressToFrame(page, () => option.click());
  await page.evaluate(() => {
    window.__done = () => document.querySelector('[data-testid=sign-in]');
  });
  const afterUserViewMs = await pressToFrame(page, () => page.getByRole('link', { name: 'Sign-ins', exact: true }).click());
  await page.waitForTimeout(500);
  // The devices' groups follow the catalogue (both left out); their Entra records come beside the sign-ins.
  const requests = without(await stack.requests(), (r) => inCatalogue(r) || r.path.includes('/transitiveMemberOf'));
  await page.close();
  return { afterUserViewMs, extraRounds: rounds(requests) - 1 };
}

/**
 * The tenant's catalogue read from a deep link to Adele's assignments (its `$batch` rounds and
 * their time in the stand-in's clock), the JS heap with it in memory, and the time the
 * assignment view then takes to resolve Lee Gu's 1,500 groups (a User Timing measure).
 */
async function catalogue(browser, stack) {
  const page = await openPage(browser, { stack });
  await page.goto(stack.portalUrl);
  await page.getByRole('combobox', { name: 'Name or e-mail' }).waitFor();
  await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
  await page.goto(`${stack.portalUrl}/users/AdeleV@contoso.onmicrosoft.com/assignments`);
  const status = page.getByTestId('catalogue-status');
  await status.and(page.locator('[aria-busy=false]')).waitFor({ timeout: 60_000 });
  const log = await stack.requests();
  const batches = new Set(log.filter((r) => r.batch !== undefined && inCatalogue(r)).map((r) => r.batch));
  const outer = log.filter((r) => batches.has(r.seq));
  const loadMs = Math.max(...outer.map((r) => r.finishedMs)) - Math.min(...outer.map((r) => r.startedMs));
  const holds = await status.innerText();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  // Lee Gu, picked without reloading: the catalogue stays in memory.
  await page.getByRole('link', { name: 'Change user' }).click();
  await page.getByRole('combobox', { name: 'Name or e-mail' }).fill('lee');
  await page.getByRole('option', { name: /Lee Gu/ }).click();
  await page.getByRole('link', { name: 'Assignments', exact: true }).click();
  await page.getByText(/items? targets? it\./).first().waitFor({ timeout: 60_000 });
  const computeMs = await page.evaluate(() => Math.max(...performance.getEntriesByName('helpdesk:assignments').map((e) => e.duration)));
  await page.close();
  return {
    loadMs,
    rounds: rounds(outer),
    items: holds.match(/holds ([\d,]+)/)?.[1],
    jsHeapMB: Math.round((heap / 1024 / 1024) * 10) / 10,
    leeGuComputeMs: Math.round(computeMs * 10) / 10,
  };
}

/**
 * Lee Gu's findings (150 devices, 1,500 groups, 5,000 failures): how long the diagnosis takes
 * each time a section arrives, the last of them after the last section's data (User Timing
 * measures in the page), and the assignment engine's pass over his devices.
 */
async function findings(browser, stack) {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/LeeG@contoso.onmicrosoft.com`);
  await page.getByTestId('findings').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 120_000 });
  const runs = await page.evaluate(() => ({
    findings: performance.getEntriesByName('helpdesk:findings').map((e) => e.duration),
    gaps: performance.getEntriesByName('helpdesk:assignment-gaps').map((e) => e.duration),
  }));
  const count = await page.getByTestId('findings').innerText();
  await page.close();
  const round = (ms) => Math.round(ms * 10) / 10;
  return {
    runs: runs.findings.length,
    lastMs: round(runs.findings.at(-1) ?? Infinity),
    slowestMs: round(Math.max(...runs.findings)),
    assignmentGapsMs: round(runs.gaps.reduce((sum, ms) => sum + ms, 0)),
    assignmentGapsSliceMs: round(Math.max(...runs.gaps)),
    findings: Number(count.match(/(\d+) findings/)?.[1] ?? 0),
  };
}

async function largeUser(browser, stack) {
  const page = await openPage(browser, { stack });
  // Both ends are taken in the page's clock: the last page's responseEnd (Resource Timing) and
  // the frame after the count text enters the DOM (a Playwright wait polls at growing intervals).
  await page.addInitScript(watchShown, ['1500 of 1500', '5000 of 5000']);
  const measure = async (tab, lastPage, text) => {
    await page.goto(`${stack.portalUrl}/users/LeeG@contoso.onmicrosoft.com/${tab}`);
    await page.getByText(text).waitFor({ timeout: 60_000 });
    await page.waitForFunction((wanted) => window.__shown[wanted] > 0, text);
    return page.evaluate(({ wanted, lastPage }) => {
      const arrived = Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.includes(lastPage)).map((e) => e.responseEnd));
      return Math.round(Math.max(0, window.__shown[wanted] - arrived));
    }, { wanted: text, lastPage });
  };
  const groupsUsableMs = await measure('groups', 'transitiveMemberOf', '1500 of 1500');
  const failuresUsableMs = await measure('enrollment-failures', 'deviceManagementTroubleshootingEvents', '5000 of 5000');
  await watchEvents(page);
  await typeInFilter(page, 'device');
  await page.getByText(/of 5000/).waitFor();
  await sortByOsVersion(page);
  const events = await eventsSoFar(page);
  const keys = events.filter((e) => ['keydown', 'keyup', 'input', 'keypress'].includes(e.name)).map((e) => e.duration);
  const clicks = events.filter((e) => ['click', 'pointerup', 'pointerdown'].includes(e.name)).map((e) => e.duration);
  // What stays alive, not what is waiting for the collector.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  await page.close();
  return {
    groupsUsableMs,
    failuresUsableMs,
    // Event Timing reports only events slower than 16 ms; none reported means under 16 ms.
    filterKeystrokeMaxMs: Math.round(Math.max(0, ...keys)),
    clickMaxMs: Math.round(Math.max(0, ...clicks)),
    jsHeapMB: Math.round((heap / 1024 / 1024) * 10) / 10,
  };
}

async function typeahead(browser, stack) {
  const page = await openPage(browser, { stack });
  await page.goto(stack.portalUrl);
  const search = page.getByRole('combobox', { name: 'Name or e-mail' });
  await search.waitFor();
  await page.evaluate(() => {
    window.__stale = 0;
    const input = document.getElementById('user-search');
    new MutationObserver(() => {
      const text = input.value.trim().toLowerCase();
      for (const option of document.querySelectorAll('[role=option]')) {
        const words = option.innerText.toLowerCase().split(/[^\p{L}\p{N}]+/u);
        if (!words.some((w) => w.startsWith(text)) && !option.innerText.toLowerCase().includes(text)) window.__stale += 1;
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
  await search.pressSequentially('adele', { delay: 60 });
  await page.getByRole('option', { name: /Adele Vance/ }).waitFor();
  await page.waitForTimeout(800);
  const searches = (await stack.requests()).filter((r) => r.path.includes('$search')).length;
  const stale = await page.evaluate(() => window.__stale);
  await page.close();
  return { requests: searches, pauses: 1, staleResults: stale };
}

const stack = await startStack({ mockArgs: ['--latency-ms', String(LATENCY_MS)], apart: true });
const browser = await launchBrowser();
let results;
try {
  results = {
    date: new Date().toISOString(),
    latencyMs: LATENCY_MS,
    transfer: await transferSizes(await firstLoadFiles(browser, stack)),
    ...(await coldStarts(browser, stack)),
    roundTrip: await bareRoundTrip(browser, stack),
    userView: await medianPress(() => userView(browser, stack)),
    devicePage: await medianPress(() => devicePage(browser, stack)),
    signIns: await signIns(browser, stack),
    catalogue: await catalogue(browser, stack),
    findings: await findings(browser, stack),
    largeUser: await largeUser(browser, stack),
    typeahead: await typeahead(browser, stack),
    tenfold: await tenfold(browser),
  };
} finally {
  await browser.close();
  await stack.stop();
}
const ratio = (ms, yardstick) => Math.round((ms / yardstick) * 100) / 100;
results.ratios = {
  coldStart: ratio(results.coldStart.searchReadyMs, results.minimalColdStart.searchReadyMs),
  userView: ratio(results.userView.elapsedMs, results.roundTrip.ms),
  laterUserView: ratio(results.userView.laterMs, results.roundTrip.ms),
  devicePage: ratio(results.devicePage.elapsedMs, results.roundTrip.ms),
  signIns: ratio(results.signIns.afterUserViewMs, results.roundTrip.ms),
};

const checks = [
  ['first load, brotli (KB)', kb(results.transfer.firstLoad.total.brotli), BUDGETS.firstLoadBrotliKB],
  ["chunk-only texts in the first load (catalogue, ViewMsg)", results.transfer.chunkTextsInFirstLoad, BUDGETS.chunkOnlyTextsInFirstLoad],
  ['user view, sequential rounds', results.userView.rounds, BUDGETS.userViewRounds],
  [`user view at ${LATENCY_MS} ms latency (ms)`, results.userView.elapsedMs, BUDGETS.userViewMs],
  ['device page, sequential rounds', results.devicePage.rounds, BUDGETS.devicePageRounds],
  [`device page at ${LATENCY_MS} ms latency (ms)`, results.devicePage.elapsedMs, BUDGETS.devicePageMs],
  ['sign-ins, rounds after the user view', results.signIns.extraRounds, BUDGETS.signInsExtraRounds],
  [`sign-ins first page after the user view (ms)`, results.signIns.afterUserViewMs, BUDGETS.signInsAfterUserViewMs],
  [`tenant catalogue at ${LATENCY_MS} ms latency (ms)`, results.catalogue.loadMs, BUDGETS.catalogueLoadMs],
  ['tenant catalogue, sequential rounds', results.catalogue.rounds, BUDGETS.catalogueRounds],
  ["Lee Gu's assignments resolved (ms)", results.catalogue.leeGuComputeMs, BUDGETS.assignmentsComputeMs],
  ["Lee Gu's findings, slowest computation (ms)", results.findings.slowestMs, BUDGETS.findingsComputeMs],
  ["Lee Gu's assignment gaps, slowest slice (ms)", results.findings.assignmentGapsSliceMs, BUDGETS.longTaskMs],
  ['Lee Gu groups usable after data (ms)', results.largeUser.groupsUsableMs, BUDGETS.largeTableUsableMs],
  ['Lee Gu failures usable after data (ms)', results.largeUser.failuresUsableMs, BUDGETS.largeTableUsableMs],
  ['filter keystroke, slowest (ms)', results.largeUser.filterKeystrokeMaxMs, BUDGETS.filterKeystrokeMs],
  ['typeahead requests per pause', results.typeahead.requests / results.typeahead.pauses, BUDGETS.typeaheadRequestsPerPause],
  ['typeahead stale results', results.typeahead.staleResults, BUDGETS.typeaheadStaleResults],
  ['10×: groups usable after data (ms)', results.tenfold.groups.usableMs, BUDGETS.tenfoldTableUsableMs],
  ['10×: devices usable after data (ms)', results.tenfold.devices.usableMs, BUDGETS.tenfoldTableUsableMs],
  ['10×: failures usable after data (ms)', results.tenfold.failures.usableMs, BUDGETS.tenfoldTableUsableMs],
  ['10×: longest task while pages arrive (ms)', Math.max(results.tenfold.groups.longestTaskMs, results.tenfold.devices.longestTaskMs, results.tenfold.failures.longestTaskMs), BUDGETS.tenfoldLongTaskMs],
  ['10×: filter keystroke, slowest (ms)', results.tenfold.filterKeystrokeMaxMs, BUDGETS.tenfoldFilterKeystrokeMs],
  ['10×: a word\'s rows shown after its input (ms)', results.tenfold.filterResultMs, BUDGETS.tenfoldFilterResultMs],
  ['10×: sort 50,000 failures (ms)', results.tenfold.sortMs, BUDGETS.tenfoldSortMs],
  ['10×: JS heap and wasm memory (MB)', results.tenfold.heapWithItMB, BUDGETS.tenfoldHeapMB],
  ['10×: memory held after 10 switches ÷ at start', Math.round((results.tenfold.heldAfterTenMB / results.tenfold.heldAtStartMB) * 100) / 100, BUDGETS.tenfoldHeldAfterSwitchingRatio],
  ['10×: memory held after 20 switches ÷ after 10', Math.round((results.tenfold.heldAfterTwentyMB / results.tenfold.heldAfterTenMB) * 100) / 100, BUDGETS.tenfoldHeldAfterSwitchingRatio],
  ['cold start ÷ minimal Leptos page', results.ratios.coldStart, BUDGETS.coldStartRatio],
  ['user view ÷ one round trip', results.ratios.userView, BUDGETS.userViewRatio],
  ['device page ÷ one round trip', results.ratios.devicePage, BUDGETS.devicePageRatio],
];
const sizeRow = (name, s) => `  ${name.padEnd(40)} ${String(kb(s.raw)).padStart(9)} ${String(kb(s.gzip)).padStart(8)} ${String(kb(s.brotli)).padStart(8)}`;
console.log(`\n${'First load (KB)'.padEnd(42)}       raw     gzip   brotli`);
for (const [kind, s] of Object.entries(results.transfer.firstLoad)) console.log(sizeRow(kind, s));
console.log('Fetched after start-up (KB)');
for (const [file, s] of Object.entries(results.transfer.later)) console.log(sizeRow(file, s));
console.log(`\nCold start, a signed-in tab reloaded (median of ${results.coldStart.runs}): search box ready ${results.coldStart.searchReadyMs} ms after its navigation (${results.ratios.coldStart}× the minimal Leptos page's ${results.minimalColdStart.searchReadyMs} ms; seen by the driver, ${results.coldStart.driverSearchReadyMs} and ${results.minimalColdStart.driverSearchReadyMs} ms), LCP ${results.coldStart.lcpMs} ms; a new tab, through Entra's session: ${results.coldStart.newTabMs} ms`);
console.log(`One bare round trip to the stand-in: ${results.roundTrip.ms} ms (median of ${results.roundTrip.runs})`);
console.log(`User view (median of ${results.userView.runs}): ${results.userView.elapsedMs} ms (${results.ratios.userView}× one round trip), ${results.userView.rounds} round(s), ${results.userView.calls} calls (batch steps included); a later user in the same page ${results.userView.laterMs} ms (${results.ratios.laterUserView}×)`);
console.log(`Device page (median of ${results.devicePage.runs}): ${results.devicePage.elapsedMs} ms (${results.ratios.devicePage}× one round trip), ${results.devicePage.rounds} round(s), ${results.devicePage.calls} calls (batch steps included)`);
console.log(`Sign-ins: first page ${results.signIns.afterUserViewMs} ms (${results.ratios.signIns}× one round trip) from the press on its tab, right after the user view; ${results.signIns.extraRounds} round(s) more`);
console.log(`Catalogue: ${results.catalogue.items} items read in ${results.catalogue.loadMs} ms, ${results.catalogue.rounds} round(s); JS heap with it ${results.catalogue.jsHeapMB} MB; Lee Gu's assignments resolved in ${results.catalogue.leeGuComputeMs} ms`);
console.log(`Findings: Lee Gu's ${results.findings.findings} findings computed ${results.findings.runs} times as sections arrived, the slowest in ${results.findings.slowestMs} ms, the last (after the last section's data) in ${results.findings.lastMs} ms; the assignment engine's pass over his 150 devices ${results.findings.assignmentGapsMs} ms in slices of at most ${results.findings.assignmentGapsSliceMs} ms`);
console.log(`Lee Gu: groups usable ${results.largeUser.groupsUsableMs} ms and failures ${results.largeUser.failuresUsableMs} ms after their data; filter keystroke ≤ ${results.largeUser.filterKeystrokeMaxMs} ms, clicks (entering the filter box, sorting) ≤ ${results.largeUser.clickMaxMs} ms (0: under 16 ms); JS heap ${results.largeUser.jsHeapMB} MB`);
const t = results.tenfold;
console.log(`Lee Gu ×10 (${TENFOLD.groups} groups, ${TENFOLD.devices} devices, ${TENFOLD.failures} failures): usable after data: groups ${t.groups.usableMs} ms, devices ${t.devices.usableMs} ms, failures ${t.failures.usableMs} ms; longest task while pages arrive ${t.groups.longestTaskMs}/${t.devices.longestTaskMs}/${t.failures.longestTaskMs} ms; filter keystroke ≤ ${t.filterKeystrokeMaxMs} ms${t.slowestKeyEvent ? ` (its ${t.slowestKeyEvent.name}: ${t.slowestKeyEvent.waitedMs} ms waiting for the page's thread, ${t.slowestKeyEvent.handledMs} ms handled, the rest until its frame was shown)` : ''}, a word's rows ${t.filterResultMs} ms after its input, sort ${t.sortMs} ms (the longer of: from the press to the frame with the sorted rows, the press's events until their frame is shown); JS heap and wasm memory ${t.heapWithItMB} MB (${t.reservedAfterTwentyMB} MB after the switches); held ${t.heldAtStartMB} MB at start, ${t.heldAfterTenMB} MB after switching to Adele and back 10 times, ${t.heldAfterTwentyMB} MB after 10 more`);
console.log(`Typeahead "adele": ${results.typeahead.requests} request(s), ${results.typeahead.staleResults} stale result(s)\n`);
console.log('Budget                                        value   budget');
let missed = 0;
for (const [name, value, budget] of checks) {
  const ok = value <= budget;
  if (!ok) missed += 1;
  console.log(`  ${ok ? 'ok  ' : 'MISS'} ${name.padEnd(40)} ${String(value).padStart(6)} ${String(budget).padStart(8)}`);
}
results.budgets = Object.fromEntries(checks.map(([name, value, budget]) => [name, { value, budget, ok: value <= budget }]));
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) await writeFile(process.argv[jsonAt + 1], JSON.stringify(results, null, 2));
console.log(JSON.stringify(results));
process.exit(missed ? 1 : 0);
