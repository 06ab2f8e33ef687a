// The atlas on a dataset of thousands of events (`atlas synth`): what a person sees stays
// whole while the page draws only what is in view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { syntheticDataset, useBuiltSite, watchForErrors } from "./support.mjs";

const EVENTS = 3000;
const datasetPath = syntheticDataset(EVENTS);
const dataset = JSON.parse(readFileSync(datasetPath, "utf8"));
const site = useBuiltSite("/atlas/", { "synth.json": datasetPath });

async function openDataset(query = "") {
  const page = await site.browser.context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${site.server.url}?dataset=synth.json${query}`);
  await page.locator(".event-list .event-row").first().waitFor({ timeout: 30000 });
  return { page, errors };
}

test("a list of thousands of events draws the rows in view, and scrolling or the arrows reach the rest", async () => {
  const { page, errors } = await openDataset();
  const heading = await page.locator("#event-list-heading .count").innerText();
  assert.equal(heading, `${EVENTS} events`);
  const drawn = await page.locator(".event-list .event-row").count();
  assert.ok(drawn > 5 && drawn < 100, `${drawn} rows drawn for ${EVENTS} events`);
  const sizes = await page.locator(".event-list li").evaluateAll((items) => items.map((li) => li.getAttribute("aria-setsize")));
  assert.ok(sizes.every((size) => size === String(EVENTS)), "each row says how long the list is");

  // Scrolled to the end, the last event (the undated ones come last) is drawn and the first is not.
  await page.locator(".event-list").evaluate((list) => (list.scrollTop = list.scrollHeight));
  await page.locator(`.event-list li[aria-posinset="${EVENTS}"]`).waitFor();
  assert.equal(await page.locator('.event-list li[aria-posinset="1"]').count(), 0);
  assert.ok((await page.locator(".event-list .event-row").count()) < 100);

  // Back to the top with Home, then the arrows walk down past the rows first drawn.
  await page.locator(".event-list .event-row").last().focus();
  await page.keyboard.press("Home");
  await page.waitForFunction(() => document.activeElement?.closest("li")?.getAttribute("aria-posinset") === "1");
  for (let i = 0; i < 60; i++) await page.keyboard.press("ArrowDown");
  await page.waitForFunction(() => document.activeElement?.closest("li")?.getAttribute("aria-posinset") === "61");
  // Keys that come faster than frames (a held arrow on a busy page) each count: forty presses
  // in one task, most to rows not drawn yet, land forty rows on.
  await page.evaluate(() => {
    for (let i = 0; i < 40; i++) {
      document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true, cancelable: true }));
    }
  });
  await page.waitForFunction(() => document.activeElement?.closest("li")?.getAttribute("aria-posinset") === "101");
  await page.keyboard.press("Enter");
  const selectedId = await page.evaluate(() => document.activeElement.dataset.eventId);
  assert.ok(dataset.events.some((e) => e.id === selectedId));
  await page.locator(`.event-list .event-row[aria-current="true"][data-event-id="${selectedId}"]`).waitFor();
  await page.waitForURL((url) => url.searchParams.get("event") === selectedId);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the article facet lists the biggest articles and says how many more there are", async () => {
  const { page } = await openDataset();
  const articleFacet = page.locator("fieldset.facet").filter({ hasText: "Article" });
  assert.equal(await articleFacet.locator("li").count(), 12);
  assert.match(await page.locator(".facet-more").first().innerText(), /^and [\d,]+ more articles: search to narrow$/);
  await page.close();
});

test("the credits name each outlet with its count of articles once opened, not thousands of titles", async () => {
  const { page } = await openDataset();
  const list = page.locator(".site-footer .credit-list li");
  assert.equal(await list.count(), 0, "nothing is built while the credits are closed");
  await page.locator(".site-footer summary").click();
  await list.first().waitFor();
  const items = await list.allInnerTexts();
  const outlets = new Map();
  for (const document of dataset.documents) outlets.set(document.source, (outlets.get(document.source) ?? 0) + 1);
  const biggest = [...outlets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  assert.equal(items[0], `${biggest[0]} — ${biggest[1]} articles`);
  assert.ok(items.length <= 51, `${items.length} credit lines`);
  await page.close();
});

/** Opens the dataset over a download of about 1 MB a second (and not from the cache that the
 * tests before filled): the synthetic dataset takes a few seconds to arrive. */
async function openSlowly(query) {
  const page = await site.browser.context.newPage();
  const errors = watchForErrors(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: 1_000_000, uploadThroughput: -1 });
  await page.goto(`${site.server.url}?dataset=synth.json${query}`);
  return { page, errors, status: page.locator('p.loading[role="status"]') };
}

test("a dataset that arrives slowly says how much of it has been read, then gives way to the atlas", async () => {
  const { page, errors, status } = await openSlowly("");
  // Each whole megabyte read is reported (the size too, when the server sends it).
  await page.waitForFunction(() => /^[1-9][\d.]* (of [\d.]+ )?MB read$/.test(document.querySelector(".loading-progress")?.textContent ?? ""));
  assert.match(await status.innerText(), /^Loading the dataset…/);
  const size = readFileSync(datasetPath).length / 1e6;
  const total = (await page.locator(".loading-progress").innerText()).match(/of ([\d.]+) MB/)?.[1];
  if (total) assert.equal(Number(total), Number(size.toFixed(1)));
  await page.locator(".event-list .event-row").first().waitFor({ timeout: 30000 });
  assert.equal(await status.count(), 0);
  assert.deepEqual(errors, []);
  await page.close();

  // In the Chinese UI, in Chinese.
  const zh = await openSlowly("&ui=zh");
  await zh.page.waitForFunction(() => /^已读取 [\d.]+ MB/.test(document.querySelector(".loading-progress")?.textContent ?? ""));
  assert.match(await zh.status.innerText(), /^正在载入数据集…/);
  await zh.page.close();
});
