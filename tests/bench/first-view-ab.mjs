// Two builds of the site compared on the first view, load by load in turn, so that both see the
// same machine (see BENCHMARKS.md: on this shared machine the spread between runs is wider
// than most changes).
//   node tests/bench/first-view-ab.mjs DIR_A DIR_B [RUNS]
// Prints navigation → `atlas:drawn` (the app's mark after the frame that shows the map and the
// timeline with every corpus event), median (min–max) of RUNS loads of each, after one warm-up
// load each, with the browser cache disabled (cold) and enabled (warm, revalidated).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveDirectory, launchChromium } from "../e2e/support.mjs";
import { drawnAfterNavigation, medianRange } from "./drawn.mjs";

const [a, b, runArg = "9"] = process.argv.slice(2);
const dirs = [a, b];
if (dirs.some((dir) => !dir || !existsSync(join(dir, "index.html")))) {
  console.error("usage: node tests/bench/first-view-ab.mjs DIR_A DIR_B [RUNS]  (each DIR a built site)");
  process.exit(2);
}
const runs = Number(runArg);
const servers = await Promise.all(dirs.map((dir) => serveDirectory(dir, "/atlas/")));
const browser = await launchChromium();
const page = await browser.context.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Network.enable");

console.log(`| cache | ${dirs.join(" | ")} |\n| --- | ---: | ---: |`);
for (const [label, disabled] of [["cold", true], ["warm", false]]) {
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: disabled });
  for (const server of servers) await drawnAfterNavigation(page, server.url);
  const times = dirs.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, server] of servers.entries()) times[k].push(await drawnAfterNavigation(page, server.url));
  }
  console.log(`| ${label} | ${times.map(medianRange).join(" | ")} |`);
}
await browser.close();
for (const server of servers) await server.close();
