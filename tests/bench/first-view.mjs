// First-view benchmark of the built site, in headless Chromium (see BENCHMARKS.md).
//   node tests/bench/first-view.mjs [RUNS]     (after `trunk build --release`)
// Prints, as Markdown: what the first view downloads (brotli, as a static host would serve it)
// and the time from navigation to the map and timeline drawn with every corpus event (the
// app's `performance.mark("atlas:drawn")`, set after the frame that shows them), with a cold
// cache and a warm one (revalidated, as a static host's ETags make it), median of RUNS.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { DIST, serveDirectory, launchChromium } from "../e2e/support.mjs";
import { drawnAfterNavigation, medianRange } from "./drawn.mjs";

const runs = Number(process.argv[2] ?? 15);
const server = await serveDirectory(DIST, "/atlas/");
const browser = await launchChromium();
const page = await browser.context.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Network.enable");

// What the first view downloads: the page and every request it started before the view was
// drawn. Chunks fetched later (the figures chart below the fold, a selected event's card) are
// not part of it.
const loaded = new Set(["index.html"]);

async function drawnAndFetched() {
  const drawn = await drawnAfterNavigation(page, server.url);
  const fetched = await page.evaluate(
    (drawn) =>
      performance
        .getEntriesByType("resource")
        .filter((entry) => entry.startTime <= drawn)
        .map((entry) => new URL(entry.name).pathname.split("/").pop()),
    drawn,
  );
  for (const file of fetched) loaded.add(file);
  return drawn;
}

const results = {};
for (const [label, cacheDisabled] of [["cold cache", true], ["warm cache", false]]) {
  await cdp.send("Network.setCacheDisabled", { cacheDisabled });
  await drawnAndFetched(); // warm-up: compiles nothing for the cold runs, fills the cache for the warm ones
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await drawnAndFetched());
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
  console.log(`| navigation → map and timeline drawn, ${label}, median of ${runs} (min–max) | ${medianRange(times)} | ≤ 150 ms |`);
}
await browser.close();
await server.close();
