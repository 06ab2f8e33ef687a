// The map, in a release build: basemap, markers, selection, pan and zoom written to the URL
// only when a gesture ends, and the DOM kept across pans and zooms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { DIST, useBuiltSite, watchForErrors, artifactPath, serveDirectory, decodePng } from "./support.mjs";

const site = useBuiltSite("/atlas/");

const MAIN = ".map-frame > svg.map-pane";

async function open(query = "", { width = 1280, dark = false } = {}) {
  const page = await site.browser.context.newPage();
  const errors = watchForErrors(page);
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
  await page.goto(site.server.url + (query ? `?${query}` : ""));
  await page.locator(`${MAIN} .marker`).first().waitFor();
  return { page, errors };
}

const mapParam = (page) => new URL(page.url()).searchParams.get("map");
const zoomOf = (page) => Number(mapParam(page)?.split(",")[2]);
const transformOf = (page) => page.locator(`${MAIN} > g.basemap`).getAttribute("transform");

test("the map draws China's provinces, the UK's nations, markers, shaded regions and arcs", async () => {
  for (const [width, dark, name] of [
    [1280, false, "map-desktop-light.png"],
    [1280, true, "map-desktop-dark.png"],
    [360, false, "map-360-light.png"],
    [360, true, "map-360-dark.png"],
  ]) {
    const { page, errors } = await open("", { width, dark });
    const main = page.locator(MAIN);
    assert.ok((await main.locator('path[data-shape^="R-CN."]').count()) >= 31, "China's provinces");
    assert.equal(await main.locator('path[data-shape^="R-GB."]').count(), 4, "the UK's nations");
    assert.ok((await main.locator('path[data-shape="FR"]').count()) === 1, "the world around");
    // Markers for the corpus's places, alone or in a cluster.
    assert.ok((await main.locator('.marker[data-place*="London"]').count()) >= 1, "a marker for London");
    assert.ok((await main.locator('.marker[data-place*="Hefei"]').count()) >= 1, "a marker for Hefei");
    // Hunan is a region: shaded, not pinned.
    assert.equal(await main.locator(".marker[data-place=Hunan]").count(), 0);
    assert.ok((await main.locator("path.area.region").count()) >= 1, "a shaded region");
    const routes = await main.locator("path.arc[data-routes]").evaluateAll((paths) => paths.map((p) => Number(p.dataset.routes)));
    assert.ok(routes.some((n) => n > 0), "a China–UK arc");
    // The inset shows the UK at its own scale, with its own London.
    const inset = page.locator(".map-inset");
    assert.ok(await inset.isVisible(), `the UK inset at ${width}px`);
    assert.ok((await inset.locator('.marker[data-place*="London"]').count()) >= 1);
    await page.locator(".map").screenshot({ path: artifactPath(name) });
    assert.deepEqual(errors, [], "no errors");
    await page.close();
  }
});

test("the arcs are painted where their paths run, at every zoom", async () => {
  // An arc's path can be in the page and still paint nothing (a stroke scaled to nothing, say):
  // the screen is compared with and without the arcs at points along the busiest routes.
  const { page, errors } = await open();
  const arcs = page.locator(`${MAIN} .arcs`);
  /** Of nineteen points along the routes, those in the pane, and how many of them look
   * different without the arcs. */
  const painted = async () => {
    const points = await page.locator(`${MAIN} path.arc[data-routes]:not([data-routes="0"])`).last().evaluate((path) => {
      const length = path.getTotalLength();
      const pane = path.ownerSVGElement.getBoundingClientRect();
      return [...Array(19).keys()]
        .map((k) => path.getPointAtLength((length * (k + 1)) / 20).matrixTransform(path.getScreenCTM()))
        .filter((p) => p.x > pane.left + 2 && p.x < pane.right - 2 && p.y > pane.top + 2 && p.y < pane.bottom - 2)
        .map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
    });
    const shown = decodePng(await page.screenshot());
    await arcs.evaluate((layer) => (layer.style.visibility = "hidden"));
    const hidden = decodePng(await page.screenshot());
    await arcs.evaluate((layer) => (layer.style.visibility = ""));
    const differs = ({ x, y }) => {
      const [a, b] = [shown.pixel(x, y), hidden.pixel(x, y)];
      return a.some((v, i) => Math.abs(v - b[i]) > 30);
    };
    return { inside: points.length, differ: points.filter(differs).length };
  };
  // Some points may sit under a marker, where an arc ends, or under the inset.
  const shows = ({ inside, differ }) => inside >= 5 && differ >= inside / 2;
  const first = await painted();
  assert.ok(shows(first), `the first view's arcs show (${JSON.stringify(first)})`);
  // Zoomed in two steps, the arcs (drawn at the closest zoom and scaled down) still show.
  await page.locator(MAIN).focus();
  await page.keyboard.press("+");
  await page.keyboard.press("+");
  await page.waitForFunction(() => new URL(location.href).searchParams.has("map"));
  const zoomed = await painted();
  assert.ok(shows(zoomed), `the zoomed-in arcs show (${JSON.stringify(zoomed)})`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("clicking a marker selects its event: the card and the evidence appear", async () => {
  const { page, errors } = await open();
  const hefei = page.locator(`${MAIN} .marker[data-place="Hefei"]`);
  await hefei.hover();
  await page.locator(".map-tip").getByText("Hefei").waitFor();
  await hefei.click();
  await page.locator(".event-card").waitFor();
  assert.ok(await page.locator("mark.evidence-selected").first().isVisible(), "the reader shows the evidence");
  await page.waitForURL((url) => url.searchParams.get("event")?.startsWith("000_"));
  assert.match(await hefei.getAttribute("class"), /\bselected\b/, "its marker is ringed");
  // Clicking again steps to the place's next event.
  const first = new URL(page.url()).searchParams.get("event");
  await hefei.click();
  await page.waitForFunction((id) => new URL(location.href).searchParams.get("event") !== id, first);
  // By keyboard: a focused marker shows its tooltip, Enter selects.
  await page.locator(".event-card .close").click();
  const beijing = page.locator(`${MAIN} .marker[data-place="Beijing"]`);
  await beijing.focus();
  await page.locator(".map-tip").getByText("Beijing").waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".event-card").waitFor();
  assert.match(await beijing.getAttribute("class"), /\bselected\b/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("dragging pans without rebuilding the map and writes ?map= when released", async () => {
  const { page, errors } = await open();
  const before = await transformOf(page);
  const shape = await page.locator(`${MAIN} path[data-shape="R-CN.01"]`).elementHandle();
  const marker = await page.locator(`${MAIN} .marker[data-place="Hefei"]`).elementHandle();
  await page.locator(MAIN).scrollIntoViewIfNeeded();
  const box = await page.locator(MAIN).boundingBox();
  // Start over the sea west of Europe, where there is no marker.
  const [x, y] = [box.x + box.width * 0.45, box.y + box.height * 0.7];
  const hefei = async () => {
    const { x, y, width, height } = await marker.boundingBox();
    return [x + width / 2, y + height / 2];
  };
  const [startX, startY] = await hefei();
  const movedBy = async ([dx, dy], when) => {
    const [nowX, nowY] = await hefei();
    assert.ok(Math.abs(nowX - startX - dx) < 1 && Math.abs(nowY - startY - dy) < 1, `${when}: Hefei moved by (${nowX - startX}, ${nowY - startY}), not (${dx}, ${dy})`);
  };
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x - i * 15, y - i * 5);
  await movedBy([-150, -50], "mid-drag");
  assert.equal(mapParam(page), null, "no URL write in mid-drag");
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("map"));
  assert.notEqual(await transformOf(page), before, "drawn again where the drag left it");
  await movedBy([-150, -50], "released");
  assert.ok(await shape.evaluate((el) => el.isConnected), "the basemap paths are the same elements");
  assert.ok(await marker.evaluate((el) => el.isConnected), "the markers are the same elements");
  assert.equal(await page.locator(".event-card").count(), 0, "a drag is no click");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the buttons, the wheel and the keyboard zoom; reset returns to the default view", async () => {
  const { page, errors } = await open();
  const initial = await transformOf(page);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("map"));
  const zoomedIn = zoomOf(page);
  await page.getByRole("button", { name: "Zoom out" }).click();
  await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get("map")?.split(",")[2]) < z, zoomedIn);
  assert.ok(Math.abs(zoomedIn - zoomOf(page) - 1) < 0.02, "one step each way");

  // Wheel about the pointer: one URL write when the wheel stops.
  await page.locator(MAIN).scrollIntoViewIfNeeded();
  const box = await page.locator(MAIN).boundingBox();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.6);
  const beforeWheel = zoomOf(page);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get("map")?.split(",")[2]) > z, beforeWheel);

  // Keyboard, with the map focused.
  await page.locator(MAIN).focus();
  const beforeKey = zoomOf(page);
  await page.keyboard.press("+");
  await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get("map")?.split(",")[2]) > z, beforeKey);
  await page.keyboard.press("ArrowLeft");

  // A two-finger pinch (synthetic touch pointers: the test browser has no touch screen).
  const beforePinch = zoomOf(page);
  await page.locator(MAIN).evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
    const fire = (type, id, dx) =>
      svg.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: "touch", clientX: cx + dx, clientY: cy, bubbles: true, cancelable: true }));
    fire("pointerdown", 11, -20);
    fire("pointerdown", 12, 20);
    for (let i = 1; i <= 5; i++) {
      fire("pointermove", 11, -20 - i * 8);
      fire("pointermove", 12, 20 + i * 8);
    }
    fire("pointerup", 11, -60);
    fire("pointerup", 12, 60);
  });
  await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get("map")?.split(",")[2]) > z + 0.5, beforePinch);

  await page.getByRole("button", { name: "Reset view" }).click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has("map"));
  assert.equal(await transformOf(page), initial, "back to the default view");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the map follows the filters and opens at the URL's camera", async () => {
  const { page, errors } = await open("kind=visit&map=-1.500,53.000,6.00");
  const main = page.locator(MAIN);
  assert.equal(await main.locator('.marker[data-place="Beijing"]').count(), 0, "Beijing has no visit");
  assert.equal(await main.locator('.marker[data-place="Hefei"]').count(), 1, "Hefei has two");
  assert.ok((await main.locator(".marker").count()) >= 1);
  for (const kind of await main.locator(".marker").evaluateAll((els) => els.map((e) => e.dataset.kind))) {
    assert.equal(kind, "visit");
  }
  assert.equal(await page.locator(".map-inset.hidden").count(), 1, "the main map shows the UK: no inset");
  // Back and forward move the map to the URL's camera.
  const before = await transformOf(page);
  await page.evaluate(() => {
    history.pushState(null, "", "?kind=visit&map=117.280,31.860,7.00");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await page.waitForFunction((t) => document.querySelector(".map-frame > svg.map-pane > g.basemap").getAttribute("transform") !== t, before);
  const hefei = await page.locator('.map-frame > svg.map-pane .marker[data-place="Hefei"]').boundingBox();
  const frame = await page.locator(MAIN).boundingBox();
  assert.ok(Math.abs(hefei.x + hefei.width / 2 - (frame.x + frame.width / 2)) < 2, "Hefei in the middle");
  // Every place is also in the list for screen readers.
  assert.ok((await page.locator(".map .map-places button").count()) >= 2);
  assert.deepEqual(errors, []);
  await page.close();
});

// A dataset of many events between many places, made here from a seeded generator: real
// Chinese and UK cities, most moved a little at random (so thousands of distinct places and
// routes, as in a large corpus), some exact (so some routes carry many events), and Urumqi
// alone in the far west, exact, so that its marker is one place.
function largeDataset(count) {
  // mulberry32: the same dataset on every run.
  let seed = 7;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const china = [["Beijing", 39.9, 116.4], ["Shanghai", 31.23, 121.47], ["Hefei", 31.86, 117.28], ["Wuhan", 30.59, 114.31],
    ["Chengdu", 30.66, 104.06], ["Guangzhou", 23.13, 113.26], ["Xi'an", 34.26, 108.94], ["Harbin", 45.75, 126.65]];
  const uk = [["London", 51.5085, -0.1257], ["Manchester", 53.48, -2.24], ["Edinburgh", 55.95, -3.19], ["Cardiff", 51.48, -3.18]];
  const kinds = ["visit", "forum", "agreement", "summit", "investment", "education"];
  const city = ([name, lat, lon], country, role, jitter) => ({
    name, canonical: name, lat: lat + (jitter ? random() * 2 - 1 : 0), lon: lon + (jitter ? random() * 2 - 1 : 0),
    country, level: "city", role,
  });
  const documents = [];
  const events = [];
  for (let i = 0; i < count; i++) {
    const file = `large/${i}.txt`;
    const text = `Delegation ${i} visited.`;
    documents.push({ file, title: `Delegation ${i}`, lang: "en", published: "2024-01-01", source: "Test wire", text });
    const urumqi = i % 50 === 0;
    const jitter = !urumqi && random() < 0.7;
    const places = [
      urumqi ? city(["Urumqi", 43.83, 87.62], "CN", "origin", false) : city(pick(china), "CN", "origin", jitter),
      city(pick(uk), "GB", "venue", jitter),
    ];
    const day = `${2000 + (i % 26)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    events.push({
      id: `${file}#1`, file, kind: pick(kinds), salience: "main", date: day, places,
      actors: [], sectors: [], figures: [], evidence: [{ start: 0, end: text.length, text }],
    });
  }
  return { documents, events };
}

test("a large dataset draws a bounded map: the busiest routes, grouped markers; a click still selects", async () => {
  // The built site with the dataset beside it.
  const folder = mkdtempSync(join(tmpdir(), "atlas-large-"));
  cpSync(DIST, folder, { recursive: true });
  writeFileSync(join(folder, "large.json"), JSON.stringify(largeDataset(3000)));
  const server = await serveDirectory(folder, "/atlas/");
  try {
    await largeDatasetChecks(server);
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

async function largeDatasetChecks(server) {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = watchForErrors(page);
  await page.goto(server.url + "?dataset=large.json");
  const main = page.locator(MAIN);
  await main.locator(".marker").first().waitFor({ timeout: 60_000 });

  // At most the 200 busiest routes, one path per weight, a subpath per route; the busiest
  // are drawn heavy. None of them is anyone's own arc.
  const weights = await main.locator("path.arc[data-routes]").evaluateAll((paths) =>
    paths.map((p) => [p.getAttribute("class"), Number(p.dataset.routes), (p.getAttribute("d") ?? "").split("M").length - 1]),
  );
  assert.equal(weights.length, 6, "a path per weight");
  const drawn = weights.reduce((sum, w) => sum + w[1], 0);
  assert.ok(drawn >= 100 && drawn <= 200, `${drawn} routes drawn`);
  assert.ok(weights.every(([, routes, subpaths]) => routes === subpaths), `a subpath per route: ${JSON.stringify(weights)}`);
  assert.ok(weights.some(([c, routes]) => /\bw[3-5]\b/.test(c) && routes > 0), `some routes are heavy: ${JSON.stringify(weights)}`);
  assert.equal(await main.locator("path.arc.active[d]").count(), 0, "no event's own arc before a hover or a selection");
  // Thousands of places, grouped into far fewer markers.
  const markers = await main.locator(".marker").count();
  const listed = await page.locator(".map .map-places button").count();
  assert.ok(markers >= 5 && markers <= 300, `${markers} markers`);
  assert.ok(listed <= 100, `${listed} places listed`);
  assert.match(await page.locator(".map .map-places li.more").innerText(), /^and \d+ more places$/);

  // A click on a one-place marker selects its first event; that event's own arc stands out.
  const urumqi = main.locator('.marker[data-place="Urumqi"]');
  await urumqi.click();
  await page.locator(".event-card").waitFor();
  await page.waitForURL((url) => url.searchParams.has("event"));
  const selected = new URL(page.url()).searchParams.get("event");
  assert.match(selected, /^large\/\d+\.txt#1$/);
  const own = main.locator("path.arc.active.selected");
  assert.equal(await own.getAttribute("data-event-id"), selected, "the selected event's arc");
  assert.match(await own.getAttribute("d"), /^M[\d.]+ [\d.]+Q/);
  assert.match(await urumqi.getAttribute("class"), /\bselected\b/, "its marker is ringed");
  assert.equal(await main.locator(".marker.selected").count(), 2, "Urumqi and the event's UK city");
  assert.deepEqual(errors, []);
  await page.close();
}
