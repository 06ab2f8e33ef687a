// The page's own work while the engine reads a batch of dropped articles (see BENCHMARKS.md):
//   node tests/bench/drop-batch.mjs [RUNS] [DIST ...]     (after `trunk build --release`)
// Drops the 50 articles of the e2e test (the devset's, round robin) on the "Add articles" panel
// of each built site given (default dist/), records Chromium's timeline of the page's main
// thread until the last one is listed, and prints, side by side as Markdown, the medians over
// RUNS runs of: the thread's time handling the worker's answers (each adds an article to the
// panel), style and layout, its busiest task, and the batch's wall time.
// Thread time, not the clock: on a shared machine the clock also counts time the system gave
// to others (steal time), which no change to the page can take back.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { DIST, ROOT, dropPrepared, launchChromium, prepareDrop, serveDirectory, traceMainThread } from "../e2e/support.mjs";

const runs = Number(process.argv[2] ?? 5);
const sites = process.argv.length > 3 ? process.argv.slice(3).map((d) => resolve(d)) : [DIST];
const DEVSET = join(ROOT, "tests/fixtures/devset/articles");
const sources = readdirSync(DEVSET).filter((f) => f.endsWith(".txt")).sort();
const files = Array.from({ length: 50 }, (_, n) => ({
  name: `batch-${String(n).padStart(2, "0")}-${sources[n % sources.length]}`,
  text: readFileSync(join(DEVSET, sources[n % sources.length]), "utf8"),
}));

async function once(browser, url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.locator(".event-list-section").waitFor();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator(".mine-open").click();
  await page.locator('.mine-engine[data-state="ready"]').waitFor();
  await prepareDrop(page, files);
  let wall = 0;
  const on = await traceMainThread(page, async () => {
    const started = Date.now();
    await dropPrepared(page, ".mine-add");
    await page.waitForFunction(() => document.querySelectorAll(".mine-article").length === 50, null, { timeout: 120000, polling: 100 });
    await page.locator(".mine-progress").waitFor({ state: "detached" });
    wall = Date.now() - started;
  });
  await page.close();
  const named = (...names) => on.filter((e) => names.includes(e.name)).map((e) => e.cpu);
  const sum = (values) => values.reduce((total, v) => total + v, 0);
  return {
    answers: sum(named("HandlePostMessage")),
    answerMax: Math.max(...named("HandlePostMessage")),
    layout: sum(named("UpdateLayoutTree", "Layout")),
    paint: sum(named("Paint", "PrePaint", "Layerize")),
    all: sum(named("RunTask")),
    busiest: Math.max(...named("RunTask")),
    wall,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const columns = [];
for (const dir of sites) {
  const server = await serveDirectory(dir, "/atlas/");
  const browser = await launchChromium();
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(browser, server.url));
  await browser.close();
  await server.close();
  columns.push(Object.fromEntries(Object.keys(results[0]).map((key) => [key, median(results.map((r) => r[key]))])));
}
const rows = [
  ["the thread's time on the worker's 50 answers", "answers"],
  ["the longest answer", "answerMax"],
  ["style and layout", "layout"],
  ["paint", "paint"],
  ["every task of the thread", "all"],
  ["the busiest task (bar: < 200 ms)", "busiest"],
  ["drop → 50 articles listed (clock)", "wall"],
];
console.log(`| 50 dropped articles, median of ${runs} (ms) | ${sites.map((d) => `\`${d.split("/").pop()}\``).join(" | ")} |`);
console.log(`| --- | ${sites.map(() => "---:").join(" | ")} |`);
for (const [label, key] of rows) console.log(`| ${label} | ${columns.map((c) => c[key].toFixed(0)).join(" | ")} |`);
