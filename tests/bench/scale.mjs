// Scale benchmark: the atlas against vis-timeline, TimelineJS and Leaflet + markercluster on
// the same synthetic events, in headless Chromium (see BENCHMARKS.md, "Scale").
//   node tests/bench/scale.mjs [--runs 3] [--sizes 1000,10000,100000] [--timeout 60] [--tools ours,…]
//                              [--dist DIR]   (the built site to measure; default dist/)
// after `trunk build --release` (dist/). Generates the datasets with `atlas synth` into
// tests/bench/scale/out/ (git-ignored), serves dist/, the datasets, the peer pages and their
// libraries (from node_modules, no CDN) on 127.0.0.1, and prints a Markdown table per size:
// medians of RUNS page loads, each load followed by every interaction once. Results as JSON
// in tests/bench/scale/out/results-<sizes>.json.
//
// Every update is timed the same way for every tool: from the input event's timestamp (a real
// key press, click or pointer release dispatched by Playwright) to the second animation frame
// after it, i.e. until the frame that shows the result has been produced.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DIST, ROOT, launchChromium } from "../e2e/support.mjs";

// Everything the harness knows about the atlas's page, in one place: its DOM is changing
// (SVG → canvas, a virtualised list), and only this object should need to follow.
const OURS = {
  drawnMark: "atlas:drawn",
  // Until the app marks `atlas:drawn` (it does since the first-view benchmark): list rows,
  // and the map and timeline containers with content.
  drawnFallback: () =>
    document.querySelector(".event-list .event-row") &&
    document.querySelector(".map .map-pane")?.childElementCount > 0 &&
    document.querySelector(".timeline .tl-plot")?.childElementCount > 0,
  search: "#search-input",
  facet: '.facet input[value="visit"]',
  brushStrip: ".tl-strip", // drag across it to choose a time window
  eventRow: ".event-list .event-row", // click to select
  selected: ".event-card",
  mapPane: ".map-frame > .map-pane", // wheel and drag pan and zoom
  timelinePlot: ".tl-plot", // wheel zooms
  count: "#event-list-heading .count",
};

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    sizes: { type: "string", default: "1000,10000,100000" },
    timeout: { type: "string", default: "60" },
    seed: { type: "string", default: "2026" },
    tools: { type: "string" }, // e.g. --tools ours,Leaflet+cluster
    report: { type: "string" }, // print the tables of a results JSON again, measure nothing
    dist: { type: "string", default: DIST }, // e.g. an earlier build, to compare
  },
});
const RUNS = Number(args.runs);
const SITE = resolve(args.dist);
const SIZES = args.sizes.split(",").map(Number);
const TIMEOUT = Number(args.timeout) * 1000;
const OUT = join(ROOT, "tests/bench/scale/out");
const DATA = join(OUT, "data");
const PEERS = join(ROOT, "tests/bench/scale/peers");
const PEER_PACKAGES = ["vis-timeline", "vis-data", "@knight-lab/timelinejs", "leaflet", "leaflet.markercluster"];

// ---------------------------------------------------------------------------------------------
// Datasets and server
// ---------------------------------------------------------------------------------------------

function dataset(n) {
  const file = join(DATA, `synth-${n}-${args.seed}.json`);
  if (!existsSync(file)) {
    mkdirSync(DATA, { recursive: true });
    const started = Date.now();
    execFileSync("cargo", ["run", "-q", "--profile", "native", "-p", "atlas-cli", "--", "synth", "--events", String(n), "--seed", args.seed, "--out", file], {
      cwd: ROOT,
      stdio: "inherit",
    });
    console.error(`generated ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { name: `synth-${n}-${args.seed}.json`, bytes: statSync(file).size };
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".json": "application/json", ".png": "image/png", ".woff": "font/woff", ".woff2": "font/woff2" };

/** /atlas/ → dist/ (datasets under /atlas/data/, beside the app); /peers/; /node_modules/ of the peers only. */
async function serve() {
  const roots = [
    ["/atlas/data/", DATA],
    ["/atlas/", SITE],
    ["/peers/", PEERS],
    ...PEER_PACKAGES.map((p) => [`/node_modules/${p}/`, join(ROOT, "node_modules", p)]),
  ];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const root = roots.find(([prefix]) => path.startsWith(prefix));
    if (!root) return res.writeHead(404).end();
    let file = normalize(join(root[1], path.slice(root[0].length)));
    if (!file.startsWith(root[1])) return res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

class TimedOut extends Error {}
/** `promise`, or a TimedOut after `ms`; the promise's own late failure is then ignored. */
const withTimeout = (promise, ms = TIMEOUT) => {
  promise.catch(() => {});
  let timer;
  const timeout = new Promise((_, fail) => (timer = setTimeout(() => fail(new TimedOut()), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

// Installed in every page: `__arm(type)` waits for the next `type` event (capture, so before
// the page's handlers) and resolves, two animation frames later, to the time since its timestamp.
const PAGE_HELPERS = () => {
  window.__arm = (type) => {
    window.__pending = new Promise((done) =>
      addEventListener(type, (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
      }, { capture: true, once: true }),
    );
  };
  addEventListener("TrunkApplicationStarted", (e) => (window.__wasm = e.detail.wasm));
};

/** Runs `act` (real input) and returns input → second frame after it, in ms. */
async function timed(page, type, act) {
  await page.evaluate((t) => window.__arm(t), type);
  await act();
  return withTimeout(page.evaluate(() => window.__pending));
}

/** Frame intervals during `gesture` (real wheel and drag input): [median, 95th percentile, worst]. */
async function frames(page, gesture) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const loop = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await gesture();
  const intervals = await withTimeout(page.evaluate(() => ((window.__stop = true), window.__frames.slice(1))));
  const sorted = intervals.sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)], max: sorted.at(-1), frames: sorted.length };
}

/** Wheel zoom in and out, then a drag, over the element's centre. */
async function panZoom(page, selector) {
  const box = await page.locator(selector).first().boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  for (const dy of [-120, -120, -120, -120, 120, 120, 120, 120]) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(40);
  }
  await page.mouse.down();
  await page.mouse.move(x - 150, y - 40, { steps: 20 });
  await page.mouse.move(x, y, { steps: 20 });
  await page.mouse.up();
  await page.waitForTimeout(100);
}

/** JS heap (after a collection) and the wasm module's memory, in MB. */
async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name)?.value;
  // Where the main thread's time went until now (Chromium's counters, in seconds; kept in the
  // JSON only: a fetched body's JSON parsing, for one, is not counted as script).
  const ms = (name) => metric(name) * 1000;
  return {
    heapMB: usedSize / 2 ** 20,
    wasmMB: wasm / 2 ** 20,
    totalMB: (usedSize + wasm) / 2 ** 20,
    nodes: metric("Nodes"),
    scriptMs: ms("ScriptDuration"),
    layoutMs: ms("LayoutDuration"),
    styleMs: ms("RecalcStyleDuration"),
  };
}

/** Navigates and waits for the performance mark (or, for a build without it, the fallback
 * condition); ms from navigation to the first draw. */
async function load(page, url, mark, fallback) {
  await page.goto(url, { waitUntil: "commit" });
  const options = { timeout: 0, polling: 50 };
  const byMark = page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0 || !!window.peerError, mark, options);
  const byDom = fallback
    ? page.waitForFunction(fallback, null, { timeout: 0, polling: "raf" }).then(() => page.evaluate(() => performance.now()))
    : new Promise(() => {});
  const domTime = await withTimeout(Promise.race([byMark.then(() => undefined), byDom]));
  const error = await page.evaluate(() => window.peerError);
  if (error) throw new Error(error);
  // Prefer the mark when the app sets one: the fallback fires a frame or two before it.
  await withTimeout(byMark, 1000).catch(() => {});
  const marked = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime, mark);
  return marked ?? domTime;
}

/** Clicks the centre of the first element of `selector` that is in the window and on top there. */
async function clickVisible(page, selector) {
  const point = await page.evaluate((selector) => {
    for (const element of document.querySelectorAll(selector)) {
      const r = element.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      if (r.width > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && document.elementFromPoint(x, y)?.closest(selector)) return [x, y];
    }
    return null;
  }, selector);
  if (!point) throw new Error(`nothing of ${selector} in view to click`);
  await page.mouse.click(...point);
}

/** Types "lon" and lets it settle, then times the keystroke "d". */
async function searchKeystroke(page, selector) {
  await page.locator(selector).click();
  await page.keyboard.type("lon", { delay: 50 });
  await page.waitForTimeout(300);
  return timed(page, "keydown", () => page.keyboard.press("d"));
}

async function clearSearch(page, selector) {
  await page.locator(selector).fill("");
  await page.waitForTimeout(300);
}

// ---------------------------------------------------------------------------------------------
// The tools
// ---------------------------------------------------------------------------------------------

/** A peer page (tests/bench/scale/peers/): the same search box and facet on every one (see
 * common.js), `item` to click to select, and the `map` or `timeline` element to pan and zoom. */
function peer(name, file, query, { item, map, timeline }) {
  return {
    name,
    url: (origin, data) => `${origin}/peers/${file}?data=/atlas/data/${data}${query}`,
    mark: "peer:drawn",
    async tasks(page, out) {
      out.search = await searchKeystroke(page, "#search");
      await clearSearch(page, "#search");
      out.facet = await timed(page, "click", () => page.locator("#visits").click());
      await page.locator("#visits").click();
      await page.waitForTimeout(300);
      out.select = await timed(page, "click", () => clickVisible(page, item));
      await page.waitForTimeout(400);
      if (map) out.mapFrames = await frames(page, () => panZoom(page, map));
      if (timeline) out.timelineFrames = await frames(page, () => panZoom(page, timeline));
    },
  };
}

const TOOLS = [
  {
    name: "ours",
    url: (origin, data) => `${origin}/atlas/?dataset=data/${data}`,
    mark: OURS.drawnMark,
    fallback: OURS.drawnFallback,
    async tasks(page, out) {
      out.search = await searchKeystroke(page, OURS.search);
      out.searchCount = await page.locator(OURS.count).innerText();
      await clearSearch(page, OURS.search);
      out.facet = await timed(page, "click", () => page.locator(OURS.facet).click());
      await page.locator(OURS.facet).click(); // untick
      await page.waitForTimeout(300);
      const strip = await page.locator(OURS.brushStrip).boundingBox();
      const y = strip.y + strip.height / 2;
      await page.mouse.move(strip.x + strip.width * 0.6, y);
      await page.mouse.down();
      await page.mouse.move(strip.x + strip.width * 0.9, y, { steps: 8 });
      out.brush = await timed(page, "pointerup", () => page.mouse.up());
      out.brushCount = await page.locator(OURS.count).innerText();
      await page.waitForTimeout(300);
      out.select = await timed(page, "click", () => clickVisible(page, OURS.eventRow));
      out.selectShown = (await page.locator(OURS.selected).count()) > 0;
      out.mapFrames = await frames(page, () => panZoom(page, OURS.mapPane));
      out.timelineFrames = await frames(page, () => panZoom(page, OURS.timelinePlot));
    },
  },
  ...[false, true].map((grouped) =>
    peer(grouped ? "vis-timeline (grouped by kind)" : "vis-timeline", `vis-timeline.html`, grouped ? "&grouped=1" : "", {
      item: ".vis-item",
      timeline: ".vis-center",
    }),
  ),
  peer("TimelineJS", "timelinejs.html", "", { item: ".tl-timemarker", timeline: ".tl-timenav" }),
  // A click on a cluster zooms into it: Leaflet's selection at this scale.
  peer("Leaflet+cluster", "leaflet.html", "", { item: ".marker-cluster", map: "#map" }),
];

/** One load of `tool` on `data`, then every task: the numbers, or the error that ended it. */
async function measure(browser, tool, origin, data) {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(TIMEOUT); // a busy page's actions wait as long as its tasks may take
  await page.addInitScript(PAGE_HELPERS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const out = {};
  try {
    out.load = await load(page, tool.url(origin, data), tool.mark, tool.fallback);
    out.memory = await memory(page, cdp);
    await withTimeout(tool.tasks(page, out));
  } catch (error) {
    out.error = error instanceof TimedOut ? "timeout" : String(error.message ?? error).split("\n")[0];
  }
  // A page stuck in a script still closes: closing its target ends the renderer's work.
  await withTimeout(page.close({ runBeforeUnload: false }), 10000).catch(() => {});
  return out;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number").sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : undefined;
};

if (args.report) {
  const saved = JSON.parse(readFileSync(args.report, "utf8"));
  for (const [n, { datasetBytes, tools }] of Object.entries(saved.sizes)) printTable(Number(n), { bytes: datasetBytes }, tools, saved);
  process.exit(0);
}
if (!existsSync(join(SITE, "index.html"))) throw new Error(`${SITE}/index.html is missing: build the site first (trunk build --release)`);
const server = await serve();
const browser = await launchChromium();
const results = { date: new Date().toISOString(), runs: RUNS, timeoutSeconds: TIMEOUT / 1000, sizes: {} };
const timedOutAt = {}; // a tool that timed out at some size is not run at larger ones

for (const n of SIZES) {
  const data = dataset(n);
  const perTool = {};
  for (const tool of TOOLS) {
    if (args.tools && !args.tools.split(",").includes(tool.name)) {
      perTool[tool.name] = { skipped: "not asked for" };
      continue;
    }
    if (timedOutAt[tool.name]) {
      perTool[tool.name] = { skipped: `timed out at ${timedOutAt[tool.name]} events` };
      continue;
    }
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      const run = await measure(browser, tool, server.origin, data.name);
      runs.push(run);
      console.error(`${n} ${tool.name} run ${r + 1}: ${run.error ? `error ${run.error}` : `load ${run.load?.toFixed(0)} ms`}`);
      if (run.error === "timeout") break; // a second minute tells nothing new
    }
    if (runs.some((r) => r.error === "timeout" && r.load === undefined)) timedOutAt[tool.name] = n;
    perTool[tool.name] = { runs };
  }
  results.sizes[n] = { datasetBytes: data.bytes, tools: perTool };
  printTable(n, data, perTool, results);
}
mkdirSync(OUT, { recursive: true });
const only = args.tools ? `-${args.tools.replace(/[^A-Za-z0-9,]+/g, "").replaceAll(",", "_")}` : "";
const resultsFile = join(OUT, `results-${SIZES.join("_")}${only}.json`);
writeFileSync(resultsFile, JSON.stringify(results, null, 2));
console.error(`results: ${resultsFile}`);
await browser.close();
await server.close();

function printTable(n, data, perTool, { runs, timeoutSeconds }) {
  const names = TOOLS.map((t) => t.name).filter((t) => perTool[t]);
  const tasks = [
    ["load → first full draw", (r) => r.load],
    ["search keystroke → view updated", (r) => r.search],
    ["facet click (kind) → view updated", (r) => r.facet],
    ["brush a time window → view updated", (r) => r.brush],
    ["select an event (click) → shown", (r) => r.select],
    ["map pan/zoom: frame interval p95", (r) => r.mapFrames?.p95],
    ["map pan/zoom: worst frame", (r) => r.mapFrames?.max],
    ["timeline pan/zoom: frame interval p95", (r) => r.timelineFrames?.p95],
    ["timeline pan/zoom: worst frame", (r) => r.timelineFrames?.max],
    ["memory: JS heap + wasm (MB)", (r) => r.memory?.totalMB],
    ["memory: of which wasm (MB)", (r) => r.memory?.wasmMB],
    ["DOM nodes", (r) => r.memory?.nodes],
  ];
  const limit = `timed out (> ${timeoutSeconds} s)`;
  const cell = (tool, get, label) => {
    const entry = perTool[tool];
    if (entry.skipped) return { text: "not run", value: undefined };
    const value = median(entry.runs.map(get));
    if (value !== undefined) return { text: value >= 100 ? value.toFixed(0) : value.toFixed(1), value };
    const failed = entry.runs.find((r) => r.error);
    if (failed?.error === "timeout") {
      // A load that timed out reached no task; a task that timed out ended the ones after it.
      if (failed.load === undefined) return label === tasks[0][0] ? { text: limit, value: Infinity } : { text: "—", value: undefined };
      return { text: "timed out or not reached", value: undefined };
    }
    return { text: failed ? "failed" : "n/a", value: undefined };
  };
  const ratio = (ours, theirs) => {
    if (ours === undefined || theirs === undefined || theirs === 0) return "";
    if (ours === Infinity && theirs === Infinity) return "both timed out";
    if (ours === Infinity) return `> ${((timeoutSeconds * 1000) / theirs).toFixed(1)}`;
    if (theirs === Infinity) return `< ${(ours / (timeoutSeconds * 1000)).toFixed(3)}`;
    return (ours / theirs).toFixed(2);
  };
  console.log(`\n### ${n.toLocaleString("en")} events (${(data.bytes / 2 ** 20).toFixed(1)} MB of JSON), median of ${runs} (ms unless said)\n`);
  console.log(`| task | ${names.join(" | ")} | ${names.slice(1).map((t) => `ours/${t}`).join(" | ")} |`);
  console.log(`| --- |${" ---: |".repeat(names.length * 2 - 1)}`);
  for (const [label, get] of tasks) {
    const cells = names.map((t) => cell(t, get, label));
    const ratios = cells.slice(1).map(({ value }) => ratio(cells[0].value, value));
    console.log(`| ${label} | ${cells.map((c) => c.text).join(" | ")} | ${ratios.join(" | ")} |`);
  }
  const errors = Object.entries(perTool).flatMap(([t, e]) => (e.runs ?? []).filter((r) => r.error && r.error !== "timeout").map((r) => `${t}: ${r.error}`));
  for (const error of new Set(errors)) console.log(`\n- ${error}`);
}
