// What a person does with the explorer, in the built site served from a sub-path of a static
// host: search, select and read, share a link, go back, embed, switch to Chinese; and what the
// site refuses to do: run markup from an article, or any script the policy does not allow.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { ROOT, DIST, serveDirectory, launchChromium, watchForErrors, artifactPath } from "./support.mjs";

const BASE_PATH = "/some/sub-path/atlas/";
let server;
let browser;
let site;

before(async () => {
  assert.ok(existsSync(join(DIST, "index.html")), "dist/index.html is missing: build the site first (trunk build --release)");
  // The built site plus, beside it, a dataset and a host page for the embed tests.
  site = mkdtempSync(join(tmpdir(), "atlas-site-"));
  cpSync(DIST, site, { recursive: true });
  cpSync(join(ROOT, "tests/fixtures/xss/dataset.json"), join(site, "hostile.json"));
  // A page of the same origin to host the embeds (its own icon: no request for /favicon.ico).
  writeFileSync(join(site, "host.html"), '<!DOCTYPE html><link rel="icon" href="data:,"><title>Host</title>');
  server = await serveDirectory(site, BASE_PATH);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** A page that records Content-Security-Policy violations and errors from the first byte. */
async function openPage(query = "", beforeLoad = async () => {}) {
  const page = await browser.context.newPage();
  await beforeLoad(page);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = watchForErrors(page);
  await page.goto(server.url + query);
  await page.locator(".event-list-section").waitFor();
  return { page, errors };
}

const listedEvents = (page) => page.locator(".event-list .event-row");

test("the first view shows every event, under a strict policy, loading only from its sub-path", async () => {
  const { page, errors } = await openPage();
  assert.equal(await page.locator("h1").innerText(), "Cooperation Atlas");
  const count = await listedEvents(page).count();
  assert.ok(count >= 15, `only ${count} events listed`);
  assert.equal(await page.locator("#event-list-heading .count").innerText(), `${count} events`);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(await page.locator("script:not([src])").count(), 0, "no inline script");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(server.requests.filter((p) => !p.startsWith(BASE_PATH)), [], "everything loads from the sub-path");
  // The credits name every article.
  await page.locator(".site-footer summary").click();
  const credits = page.locator(".credit-list li");
  await credits.first().waitFor();
  assert.equal(await credits.count(), 5, "one line per bundled article");
  assert.match(await page.locator(".credit-list").innerText(), /UK technology enterprises seek cooperation opportunities/);
  await page.screenshot({ path: artifactPath("explorer.png"), fullPage: true });
  await page.close();
});

test("searching AstraZeneca leaves one event; selecting it highlights its sentence in the article", async () => {
  const { page, errors } = await openPage();
  await page.locator("#search-input").fill("AstraZeneca");
  await page.waitForFunction(() => document.querySelectorAll(".event-list .event-row").length === 1);
  await listedEvents(page).first().click();
  const card = page.locator(".event-card");
  await card.waitFor();
  assert.match(await card.innerText(), /AstraZeneca/);
  const highlighted = page.locator(".reader mark.evidence-selected");
  assert.match((await highlighted.allInnerTexts()).join(" "), /AstraZeneca/);
  // Scrolled into the reader's view.
  const [mark, reader] = await Promise.all([highlighted.first().boundingBox(), page.locator(".reader-scroll").boundingBox()]);
  assert.ok(mark.y >= reader.y - 1 && mark.y < reader.y + reader.height, "the evidence is scrolled into view");
  // The URL is written in a task after the frame that shows the view.
  await page.waitForURL((url) => url.searchParams.get("q") === "AstraZeneca" && url.searchParams.has("event"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a permalink reopens the same view, and back undoes a filter", async () => {
  const { page, errors } = await openPage();
  const all = await listedEvents(page).count();
  await page.locator(".facet").filter({ hasText: "Kind" }).locator('input[value="visit"]').check();
  await page.waitForFunction((n) => document.querySelectorAll(".event-list .event-row").length < n, all);
  const visits = await listedEvents(page).count();
  await listedEvents(page).first().click();
  await page.locator(".event-card").waitFor();
  await page.waitForURL((url) => url.searchParams.get("kind") === "visit" && url.searchParams.has("event"));
  const link = page.url();
  assert.match(link, /kind=visit/);

  const { page: reopened } = await openPage(link.slice(server.url.length));
  assert.equal(await listedEvents(reopened).count(), visits);
  assert.ok(await reopened.locator('.facet input[value="visit"]').isChecked());
  assert.equal(await reopened.locator(".event-card").innerText(), await page.locator(".event-card").innerText());
  await reopened.close();

  await page.goBack(); // unselect
  await page.goBack(); // untick "visit"
  await page.waitForFunction((n) => document.querySelectorAll(".event-list .event-row").length === n, all);
  assert.ok(!(await page.locator('.facet input[value="visit"]').isChecked()));
  assert.deepEqual(errors, []);
  await page.close();
});

// The map's list for screen readers and the figures chart follow the filters a frame after the
// map and the list do (so that they do not hold up the frame that answers the click): they must
// still end up showing the filtered events, both ways.
test("the map's place list and the figures chart follow a filter, and its removal", async () => {
  const { page, errors } = await openPage();
  // A marker may group several places (`London|Cambridge`); the list also names the regions.
  const markerPlaces = () =>
    page.locator(".map-frame > svg.map-pane .marker").evaluateAll((els) => els.flatMap((e) => e.dataset.place.split("|")));
  const listedPlaces = () => page.locator(".map .map-places button").evaluateAll((els) => els.map((e) => e.textContent.split(":")[0]));
  const all = await listedPlaces();
  for (const place of await markerPlaces()) assert.ok(all.includes(place), `${place} is listed`);
  await page.locator(".figures .figure-chart").waitFor();
  assert.ok((await page.locator(".figures .figure-dot").count()) >= 2, "the corpus has trade and investment figures");
  const visit = page.locator(".facet").filter({ hasText: "Kind" }).locator('input[value="visit"]');

  await visit.check();
  await page.waitForFunction((n) => document.querySelectorAll(".map .map-places button").length < n, all.length);
  const visited = await listedPlaces();
  const onMap = await markerPlaces();
  for (const place of onMap) assert.ok(visited.includes(place), `${place}, on the filtered map, is listed`);
  assert.ok(visited.length < all.length && onMap.length > 0, `${JSON.stringify(visited)} against ${JSON.stringify(all)}`);
  // No visit is a trade or investment figure: the chart goes.
  await page.locator(".figures").waitFor({ state: "detached" });

  await visit.uncheck();
  await page.waitForFunction((n) => document.querySelectorAll(".map .map-places button").length === n, all.length);
  assert.deepEqual(await listedPlaces(), all);
  await page.locator(".figures .figure-chart").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the Chinese UI translates the chrome, and the switch goes both ways", async () => {
  const { page, errors } = await openPage("?ui=zh");
  assert.equal(await page.locator("h1").innerText(), "合作地图集");
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-Hans");
  assert.match(await page.locator("#event-list-heading").innerText(), /事件/);
  await page.locator(".lang-switch").click();
  assert.equal(await page.locator("h1").innerText(), "Cooperation Atlas");
  await page.waitForURL(/ui=en/);
  await page.screenshot({ path: artifactPath("explorer-zh.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("?embed=1 gives compact chrome and tells the host page its height", async () => {
  const page = await browser.context.newPage();
  const errors = watchForErrors(page);
  const src = `${server.url}?embed=1&kind=agreement`;
  await page.goto(server.url + "host.html");
  await page.setContent(`<link rel="icon" href="data:,"><p id="before">Host text</p>
    <script>window.__heights = []; addEventListener("message", (e) => e.data?.type === "cooperation-atlas:height" && __heights.push(e.data.height));</script>
    <iframe id="atlas" src="${src}" style="width:100%" height="200"></iframe>`);
  await page.waitForFunction(() => window.__heights.length > 0, null, { timeout: 15000 });
  const height = await page.evaluate(() => Math.max(...window.__heights));
  assert.ok(height > 300, `reported height ${height}`);
  const frame = page.frameLocator("#atlas");
  await frame.locator(".atlas.embed").waitFor();
  assert.equal(await frame.locator(".tagline").count(), 0, "no tagline in an embed");
  assert.equal(await frame.locator("a.brand-title").getAttribute("target"), "_blank", "the title opens the full atlas");
  assert.equal(await page.locator("#before").innerText(), "Host text");
  assert.deepEqual(errors, []);
  await page.close();
});

test("embed.js mounts the atlas into a host element and leaves the rest of the page alone", async () => {
  const page = await browser.context.newPage();
  const errors = watchForErrors(page);
  await page.goto(server.url + "host.html");
  await page.setContent(`
    <link rel="icon" href="data:,"><style>p { color: rgb(1, 2, 3); }</style>
    <p id="host-text">Host paragraph</p>
    <div id="slot" data-cooperation-atlas data-query="q=AstraZeneca"></div>
    <script type="module" src="${server.url}embed.js"></script>`);
  await page.waitForFunction(() => document.querySelector("#slot").shadowRoot?.querySelector(".event-row"));
  const rows = await page.evaluate(() => document.querySelector("#slot").shadowRoot.querySelectorAll(".event-row").length);
  assert.equal(rows, 1);
  assert.equal(await page.locator("#host-text").evaluate((p) => getComputedStyle(p).color), "rgb(1, 2, 3)");
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-theme")), null);
  assert.equal(new URL(page.url()).search, "", "the host's URL is untouched");
  assert.deepEqual(errors, []);
  await page.close();
});

test("markup in a dataset's article, title, source, actor or link is shown as text and runs nothing", async () => {
  // Which script asked for the dataset.
  const initiators = [];
  const { page, errors } = await openPage("?dataset=hostile.json&event=hostile.txt%231", async (page) => {
    const cdp = await page.context().newCDPSession(page);
    cdp.on("Network.requestWillBeSent", ({ request, initiator }) => {
      if (request.url.endsWith("/hostile.json")) initiators.push(initiator.stack?.callFrames[0]?.url ?? initiator.type);
    });
    await cdp.send("Network.enable");
  });
  await page.locator(".reader-text").waitFor();
  const text = await page.locator(".reader-text").innerText();
  assert.match(text, /<img src=x onerror="window.__atlas_xss=1">/);
  assert.match(text, /<script>window.__atlas_xss=2<\/script>/);
  assert.match(await page.locator(".event-card").innerText(), /<img src=x/);
  // The credits (built when opened) show the dataset's title and source as text too.
  await page.locator(".site-footer summary").click();
  // Their chunk arrives after the click: wait for the line rather than read an empty list.
  await page.locator(".credit-list li").first().waitFor();
  assert.match(await page.locator(".credit-list").innerText(), /<img src=x/);
  assert.equal(await page.locator(".atlas img").count(), 0);
  assert.equal(await page.locator(".atlas script").count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, "no javascript: link");
  await page.locator(".event-card").hover();
  assert.equal(await page.evaluate(() => window.__atlas_xss), undefined, "nothing ran");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  // Downloaded once, by the page's own early script rather than by the app once loaded.
  assert.equal(initiators.length, 1, `one download: ${initiators}`);
  assert.match(initiators[0], /\/dataset-[0-9a-f]+\.js$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a dataset that cannot be read is a clear error naming it", async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url + "?dataset=missing.json");
  const alert = page.locator("[role=alert]");
  await alert.waitFor();
  assert.match(await alert.innerText(), /missing\.json.*HTTP 404/s);
  // A dataset is read as it arrives: a record that breaks the schema is still named with its
  // place in the file.
  writeFileSync(join(site, "broken.json"), '{"documents": [],\n "events": [\n  {"id": 7, "file": "a.txt"}]}');
  await page.goto(server.url + "?dataset=broken.json");
  await alert.waitFor();
  assert.match(await alert.innerText(), /"broken\.json" is not an extraction: invalid type: integer `7`.* at line 3 column 10/s);
  await page.close();
});
