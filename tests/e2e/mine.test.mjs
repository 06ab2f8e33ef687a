// "Your articles" in the built site: a person pastes or drops their own articles, the engine
// reads them in the browser (a Web Worker), their events join the map, timeline and list, and
// stay after a reload; damaged storage, bad files and hostile markup are handled; the view
// exports as GeoJSON that parses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, dropPrepared, prepareDrop, traceMainThread, useBuiltSite, watchForErrors } from "./support.mjs";

const DEVSET = join(ROOT, "tests/fixtures/devset/articles");
const devsetFiles = readdirSync(DEVSET).filter((f) => f.endsWith(".txt")).sort();
const devsetArticle = (name) => readFileSync(join(DEVSET, name), "utf8");
const EDINBURGH = "08_xinhua_2022_zheng_zeguang_edinburgh_glasgow.txt";

const site = useBuiltSite("/team/atlas/");

/** A page with nothing kept from earlier tests, recording the dialogs that markup might open. */
async function openPage(query = "") {
  const page = await site.browser.context.newPage();
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.goto(site.server.url + query);
  // Storage is cleared once the app is up: reloading while its wasm is still streaming would
  // abort that request, which is no error of the app's.
  await page.locator(".event-list-section").waitFor();
  await page.evaluate(() => localStorage.clear());
  const errors = watchForErrors(page);
  await page.reload();
  await page.locator(".event-list-section").waitFor();
  return { page, errors, dialogs };
}

const rows = (page) => page.locator(".event-list .event-row");
const openPanel = (page) => page.locator(".mine-open").click();

async function paste(page, text) {
  await page.locator(".mine-paste textarea").fill(text);
  await page.getByRole("button", { name: "Read this article" }).click();
}

async function dropFiles(page, files) {
  await page.locator('.mine-add input[type="file"]').setInputFiles(
    files.map(({ name, text, bytes }) => ({ name, mimeType: "text/plain", buffer: bytes ?? Buffer.from(text) })),
  );
}

test("a pasted article's events join the list, map and timeline at once, and are there after a reload", async () => {
  const { page, errors } = await openPage();
  const before = await rows(page).count();
  await openPanel(page);
  // The panel starts the engine as it opens, and says when it is ready.
  await page.locator('.mine-engine[data-state="ready"]').waitFor();
  const started = Date.now();
  await paste(page, devsetArticle(EDINBURGH));
  await page.locator(".mine-event").first().waitFor();
  const proposed = await page.locator(".mine-event").count();
  assert.ok(proposed >= 1, "the engine proposed no event");
  await page.getByRole("button", { name: "Show in the atlas" }).click();
  await page.waitForFunction(([n, p]) => document.querySelectorAll(".event-list .event-row").length === n + p, [before, proposed]);
  console.log(`# paste → ${proposed} events shown in the atlas: ${Date.now() - started} ms (two clicks included)`);

  // Marked as the person's own, and filterable as such: then only they are on every view.
  await page.locator(".facet label", { hasText: "My articles" }).click();
  await page.waitForFunction((p) => document.querySelectorAll(".event-list .event-row").length === p, proposed);
  assert.ok((await page.locator(".marker").count()) >= 1, "no marker for the new events");
  assert.ok((await page.locator(".tl-mark").count()) >= 1, "no timeline mark for the new events");
  await page.waitForURL(/origin=mine/);

  await page.reload();
  await page.locator(".event-list-section").waitFor();
  assert.equal(await rows(page).count(), proposed, "the events are gone after a reload");
  assert.equal(await page.locator(".mine-open").innerText(), "Add articles (1)");
  // A reload cancels what the page was still fetching (its icon): that is no error.
  assert.deepEqual(errors.filter((e) => !e.endsWith("net::ERR_ABORTED")), []);
  await page.close();
});

test("a damaged record is set aside with a message; the other articles stay", async () => {
  const { page } = await openPage();
  await openPanel(page);
  await dropFiles(page, [
    { name: "glasgow.txt", text: devsetArticle(EDINBURGH) },
    { name: "tianjin.txt", text: devsetArticle(devsetFiles[8]) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll(".mine-article").length === 2);
  await page.evaluate(() => localStorage.setItem("cooperation-atlas.mine.article.glasgow.txt", '{"documents": [tru'));
  await page.reload();
  await page.locator(".mine-panel").waitFor();
  const notice = await page.locator(".mine-notices").innerText();
  assert.match(notice, /could not be read/);
  assert.match(notice, /cooperation-atlas\.mine\.article\.glasgow\.txt/);
  assert.equal(await page.locator(".mine-article").count(), 1);
  assert.match(await page.locator(".mine-article h3").innerText(), /天津/);
  // Nothing was deleted: the damaged text waits under the quarantine key.
  const kept = await page.evaluate(() => localStorage.getItem("cooperation-atlas.quarantine.cooperation-atlas.mine.article.glasgow.txt"));
  assert.equal(kept, '{"documents": [tru');
  await page.close();
});

test("an article's details, read from its text, can be corrected and the article read again with them", async () => {
  const { page } = await openPage();
  await openPanel(page);
  await dropFiles(page, [{ name: "tianjin.txt", text: devsetArticle(devsetFiles[8]) }]);
  const article = page.locator(".mine-article");
  await article.waitFor();
  await article.locator("summary", { hasText: "Title, date, source" }).click();
  const date = article.locator(".mine-field", { hasText: "Published" }).locator("input");
  assert.equal(await date.inputValue(), "2023-07-14", "the date is not pre-filled from the article");
  await date.fill("2023-07");
  await article.getByRole("button", { name: "Read again with these details" }).click();
  await page.waitForFunction(() => document.querySelector(".mine-article-meta")?.textContent.includes("Jul 2023") && !document.querySelector(".mine-article-meta").textContent.includes("14 Jul"));
  // Kept as read again: the stored text carries the new header.
  const stored = await page.evaluate(() => localStorage.getItem("cooperation-atlas.mine.article.tianjin.txt"));
  assert.match(JSON.parse(stored).documents[0].text, /^title: .*\ndate: 2023-07\n/);
  await page.close();
});

test("the view exports as GeoJSON that parses, with [lon, lat] points", async () => {
  const { page } = await openPage("?kind=visit");
  const shown = await rows(page).count();
  await page.locator(".export-menu summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /GeoJSON/ }).click()]);
  assert.equal(download.suggestedFilename(), "cooperation-atlas.geojson");
  const geojson = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(geojson.type, "FeatureCollection");
  assert.ok(geojson.features.length >= 1 && geojson.features.length <= shown, `${geojson.features.length} features for ${shown} events`);
  for (const feature of geojson.features) {
    assert.equal(feature.type, "Feature");
    assert.equal(feature.properties.kind, "visit");
    const points = feature.geometry.type === "Point" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    assert.ok(["Point", "MultiPoint"].includes(feature.geometry.type));
    for (const [lon, lat] of points) assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90, `${lon}, ${lat}`);
  }
  await page.close();
});

test("fifty dropped articles show their progress and never block the page for 200 ms", async () => {
  const { page, errors } = await openPage();
  await openPanel(page);
  const files = Array.from({ length: 50 }, (_, n) => {
    const source = devsetFiles[n % devsetFiles.length];
    return { name: `batch-${String(n).padStart(2, "0")}-${source}`, text: devsetArticle(source) };
  });
  // The files are made in the page first, then dropped as a person drops them: Playwright's
  // own upload decodes them in one task of the page's (80 ms here, 500 ms on a loaded machine)
  // that the atlas never ran.
  await prepareDrop(page, files);
  const traced = await traceMainThread(page, async () => {
    await dropPrepared(page, ".mine-add");
    await page.locator(".mine-progress progress").waitFor();
    // Polled on a timer, not on every frame: frames asked for by the test are work it adds.
    await page.waitForFunction(() => document.querySelectorAll(".mine-article").length === 50, null, { timeout: 60000, polling: 100 });
    await page.locator(".mine-progress").waitFor({ state: "detached" });
  });
  const tasks = traced.filter((e) => e.name === "RunTask");
  const long = tasks.filter((t) => t.wall > 50);
  const most = (key) => Math.max(0, ...tasks.map((t) => t[key]));
  console.log(`# 50 articles: ${long.length} tasks over 50 ms; longest ${most("wall").toFixed(0)} ms on the clock, ${most("cpu").toFixed(0)} ms of the thread's time`);
  // Each article read is at least one task of the page's (the worker's answer): the trace saw them.
  assert.ok(tasks.length >= 50, `${tasks.length} tasks traced`);
  const blocking = long.filter((t) => t.cpu >= 200);
  assert.deepEqual(blocking, [], "a task kept the page's thread busy for 200 ms or more");
  assert.deepEqual(errors, []);
  await page.close();
});

test("files the atlas cannot read are named with the reason; an article in another language is kept", async () => {
  const { page } = await openPage();
  await openPanel(page);
  await dropFiles(page, [
    { name: "empty.txt", text: "" },
    { name: "photo.txt", bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]) },
    { name: "huge.txt", bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 0x61) },
    { name: "slides.pdf", text: "%PDF-1.4" },
    { name: "noticia.txt", text: "La delegación visitó la ciudad y firmó un acuerdo de cooperación con la universidad el martes pasado." },
  ]);
  await page.waitForFunction(() => document.querySelectorAll(".mine-notices li").length >= 4);
  const notices = await page.locator(".mine-notices").innerText();
  for (const name of ["empty.txt", "photo.txt", "huge.txt", "slides.pdf"]) assert.match(notices, new RegExp(name.replace(".", "\\.")));
  assert.match(notices, /5 MB/);
  // The Spanish article is kept, with the reason it shows no events. Waited for, not read once:
  // read right after the row appeared, it was once empty on a busy machine (a fresh clone's
  // test run), while the same build passed alone.
  await page.waitForFunction(() =>
    [...document.querySelectorAll(".mine-article")].some((li) => /not in a language the atlas reads/.test(li.innerText)),
  );
  assert.equal(await page.locator(".mine-article").count(), 1);
  await page.close();
});

test("markup in pasted text or a dropped HTML file runs nothing, in the reader or in an export", async () => {
  const { page, dialogs } = await openPage();
  await openPanel(page);
  await paste(
    page,
    'LONDON, 3 May 2025 -- A Chinese delegation from Hunan Province visited London <img src=x onerror="window.__xss=1;alert(1)"> ' +
      "and signed a cooperation agreement <script>window.__xss=2</script> with the city.",
  );
  await dropFiles(page, [
    {
      name: "hostile.html",
      text:
        '<html><head><title>Hostile</title><script>window.__xss=3</script></head><body><p>BEIJING, 4 May 2025 -- ' +
        'A UK trade delegation visited Beijing <a href="javascript:window.__xss=4">and signed a memorandum</a>.' +
        '<img src=x onerror="window.__xss=5"></p></body></html>',
    },
  ]);
  await page.waitForFunction(() => document.querySelectorAll(".mine-article").length === 2);
  await page.getByRole("button", { name: "Show in the atlas" }).click();
  await page.locator(".facet label", { hasText: "My articles" }).click();
  await page.locator(".event-list .event-row").first().click();
  const text = await page.locator(".reader-text").innerText();
  assert.match(text, /<img src=x onerror=|<script>|BEIJING/);
  await page.locator(".export-menu summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /CSV/ }).click()]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.ok(!/^[=+@]/m.test(csv), "a CSV cell starts with a formula sign");
  assert.equal(await page.evaluate(() => window.__xss), undefined, "markup ran");
  assert.equal(await page.locator(".reader-text img, .reader-text script, .mine-panel img").count(), 0);
  assert.deepEqual(dialogs, []);
  await page.close();
});
