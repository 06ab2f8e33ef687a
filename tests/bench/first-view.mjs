// First-view benchmark of the built site, in headless Chromium (see BENCHMARKS.md).
//   node tests/bench/first-view.mjs [RUNS]     (after `trunk build --release`)
// Prints, as Markdown: what the first view downloads (brotli, as a static host would serve it)
// and the time from navigation to the map and timeline drawn with every corpus event (the
// app's `performance.mark("atlas:drawn")`, set after the frame that shows them), with a cold
// cache and a warm one, median of RUNS.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { DIST, serveDirectory, launchChromium } from "../e2e/support.mjs";

const runs = Number(process.argv[2] ?? 15);
const server = await serveDirectory(DIST, "/atlas/");
const browser = await launchChromium();
const page = await browser.context.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Network.enable");

const loaded = new Set();
page.on("requestfinished", (request) => loaded.add(new URL(request.url()).pathname.replace("/atlas/", "") || "index.html"));

async function drawnAfterNavigation() {
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName("atlas:drawn").length > 0, null, { timeout: 20000 });
  return page.evaluate(() => performance.getEntriesByName("atlas:drawn")[0].startTime);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = {};
for (const [label, cacheDisabled] of [["cold cache", true], ["warm cache", false]]) {
  await cdp.send("Network.setCacheDisabled", { cacheDisabled });
  await drawnAfterNavigation(); // warm-up: compiles nothing for the cold runs, fills the cache for the warm ones
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await drawnAfterNavigation());
  results[label] = times;
}

const brotli = (file) =>
  brotliCompressSync(readFileSync(join(DIST, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const shipped = readdirSync(DIST).filter((f) => loaded.has(f));
const bytes = shipped.reduce((sum, f) => sum + brotli(f), 0);

console.log("| first view | value | bar |");
console.log("| --- | ---: | ---: |");
console.log(`| downloads (${shipped.length} files: ${shipped.join(", ")}), brotli | ${(bytes / 1024).toFixed(1)} KB | ≤ 200 KB |`);
for (const [label, times] of Object.entries(results)) {
  console.log(`| navigation → map and timeline drawn, ${label}, median of ${runs} (min–max) | ${median(times).toFixed(0)} ms (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}) | ≤ 150 ms |`);
}
await browser.close();
await server.close();
