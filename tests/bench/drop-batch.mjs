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
import { DIST, ROOT, launchChromium, serveDirectory } from "../e2e/support.mjs";

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
  await page.evaluate((files) => {
    window.__dropped = files.map(({ name, text }) => new File([text], name, { type: "text/plain" }));
  }, files);
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
  const started = Date.now();
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    for (const file of window.__dropped) transfer.items.add(file);
    document.querySelector(".mine-add").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll(".mine-article").length === 50, null, { timeout: 120000, polling: 100 });
  await page.locator(".mine-progress").waitFor({ state: "detached" });
  const wall = Date.now() - started;
  await cdp.send("Tracing.end");
  await complete;
  await page.close();
  const pid = events.find((e) => e.name === "TracingStartedInBrowser").args.data.frames.find((f) => f.isOutermostMainFrame).processId;
  const main = events.find((e) => e.pid === pid && e.name === "thread_name" && e.args.name === "CrRendererMain");
  const on = events.filter((e) => e.pid === pid && e.tid === main.tid && e.ph === "X");
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  const sum = (names) => on.filter((e) => names.includes(e.name)).reduce((total, e) => total + cpu(e), 0);
  const answers = on.filter((e) => e.name === "HandlePostMessage").map(cpu);
  const tasks = on.filter((e) => e.name === "RunTask");
  return {
    answers: sum(["HandlePostMessage"]),
    answerMax: Math.max(...answers),
    layout: sum(["UpdateLayoutTree", "Layout"]),
    paint: sum(["Paint", "PrePaint", "Layerize"]),
    all: tasks.reduce((total, e) => total + cpu(e), 0),
    busiest: Math.max(...tasks.map(cpu)),
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
