// What a person sees when they open the built site from a sub-path of a static host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT, DIST, serveDirectory, launchChromium, watchForErrors, artifactPath } from "./support.mjs";

const BASE_PATH = "/some/sub-path/atlas/";
let server;
let browser;

before(async () => {
  assert.ok(existsSync(join(DIST, "index.html")), "dist/index.html is missing: build the site first (trunk build --release)");
  server = await serveDirectory(DIST, BASE_PATH);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the first page lists every bundled article with its date and language", async () => {
  const page = await browser.context.newPage();
  const errors = watchForErrors(page);
  await page.goto(server.url);

  const corpusFiles = readdirSync(join(ROOT, "corpus")).filter((f) => f.endsWith(".txt"));
  const items = page.locator("li.document");
  await items.first().waitFor();
  assert.equal(await items.count(), corpusFiles.length);

  assert.equal(await page.locator("h1").innerText(), "Cooperation Atlas");
  assert.equal(await page.locator("#documents-heading").innerText(), `${corpusFiles.length} articles`);
  await page.getByText("Sino-UK cooperation on innovation leads to a bright future").waitFor();
  await page.getByText("Chinese Ambassador calls for more Sino-UK sci-tech cooperation").waitFor();

  // The article's own line (its events below it have dates of their own).
  const byFile = async (file) => items.filter({ hasText: file }).locator(".document-meta").innerText();
  assert.match(await byFile("000_c48207b33622d201.txt"), /30 Sep 2025/);
  assert.match(await byFile("000_c48207b33622d201.txt"), /English/);
  assert.match(await byFile("004_164a5554560a1fca.txt"), /Deutsch/);
  assert.match(await byFile("003_5eb7f95a5f7cd6be.txt"), /No date/, "an article without any date gets none");
  assert.match(await byFile("001_48830aa07a997378.txt"), /1 Apr 2019/);

  await page.screenshot({ path: artifactPath("first-page.png"), fullPage: true });
  assert.deepEqual(errors, [], "the page logged errors");
  const outside = server.requests.filter((path) => !path.startsWith(BASE_PATH));
  assert.deepEqual(outside, [], "every asset loads relative to the sub-path");
  await page.close();
});

test("each article shows its events: kind, date at its precision, places and actors", async () => {
  const page = await browser.context.newPage();
  const errors = watchForErrors(page);
  await page.goto(server.url);
  const documents = page.locator("li.document");
  await documents.first().waitFor();

  const labels = ["Summit", "Visit", "Forum", "Agreement", "Investment", "Trade figure", "Joint venture", "Education", "Other event"];
  // A date reads as precisely as it is known: 30 Sep 2025, Sep 2025 or 2025.
  const asPrecise = { 10: /^\d{1,2} [A-Z][a-z]{2} \d{4}$/, 7: /^[A-Z][a-z]{2} \d{4}$/, 4: /^\d{4}$/ };
  let eventCount = 0;
  for (const article of await documents.all()) {
    const events = article.locator("li.event");
    const count = await events.count();
    // Every article either lists its events or says it has none.
    assert.equal(await article.locator(".no-events").count(), count === 0 ? 1 : 0);
    for (const event of await events.all()) {
      eventCount += 1;
      assert.ok(labels.includes(await event.locator(".event-kind").innerText()));
      const times = event.locator("time");
      const noDate = event.locator(".no-date");
      assert.equal((await times.count()) + (await noDate.count()), 1, "one date, or \"No date\"");
      if ((await times.count()) === 1) {
        const datetime = await times.getAttribute("datetime");
        assert.match(await times.innerText(), asPrecise[datetime.length], datetime);
      }
      const main = (await event.getAttribute("class")).split(" ").includes("event-main");
      assert.equal(await event.getByText("Main event").count(), main ? 1 : 0);
      assert.match(await event.locator(".event-actors").innerText(), /^(1 actor|\d+ actors|No actor named)$/);
    }
  }
  assert.ok(eventCount > 0, "a person sees events");
  assert.ok((await page.locator("li.event.event-main").count()) > 0, "main events are marked");

  // 003 has no publication date to resolve "on Wednesday" against: such an event says
  // "No date" rather than guess one.
  const undated = documents.filter({ hasText: "003_5eb7f95a5f7cd6be.txt" }).locator("li.event");
  assert.ok((await undated.count()) > 0);
  assert.ok((await undated.filter({ hasText: "No date" }).count()) > 0);

  const text = await page.locator("body").innerText();
  for (const bad of ["undefined", "null", "NaN", "[object"]) assert.ok(!text.includes(bad), `"${bad}" on the page`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a narrow touch screen shows the same list without horizontal scrolling", async () => {
  const page = await browser.context.newPage();
  const errors = watchForErrors(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(server.url);
  await page.locator("li.document").first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the 360px screen`);
  await page.screenshot({ path: artifactPath("first-page-360.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
