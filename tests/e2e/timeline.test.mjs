// The timeline: marks for the dated events, a lane for the undated ones, a brush that filters
// the list and the URL, selection by pointer and keyboard, zoom by keys and by pinch.
// Run against a release build: trunk build --release, then node --test tests/e2e/timeline.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { DIST, serveDirectory, useBuiltSite, watchForErrors, artifactPath } from "./support.mjs";

const site = useBuiltSite("/atlas/");

async function open({ query = "", width = 1280, dark = false } = {}) {
  const page = await site.browser.context.newPage();
  const errors = watchForErrors(page);
  await page.setViewportSize({ width, height: 900 });
  if (dark) await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(site.server.url + (query ? `?${query}` : ""));
  await page.locator(".tl-mark").first().waitFor();
  return { page, errors };
}

const listCount = (page) => page.locator(".event-list li").count();
const tickLabels = (page) => page.locator(".tl-tick-label").allTextContents();
/** Waits past the animation frame that applies a pan or zoom. */
const frame = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

test("dated events are marks at their precision; undated ones sit in their own lane", async () => {
  const { page, errors } = await open();
  const all = await listCount(page);
  const dates = await page.locator(".event-list li time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
  const undated = await page.locator(".event-list li .no-date").count();
  assert.ok(dates.length > 0 && undated > 0, "the corpus has dated and undated events");
  assert.equal(dates.length + undated, all);
  // A day is a point; a month or a year is a band over its extent.
  assert.equal(await page.locator(".tl-mark circle").count(), dates.filter((d) => d.length === 10).length);
  assert.equal(await page.locator(".tl-mark rect").count(), dates.filter((d) => d.length < 10).length);
  assert.equal(await page.locator(".tl-chip").count(), undated);
  assert.equal(await page.locator(".tl-undated-label").innerText(), "Undated");
  assert.ok((await tickLabels(page)).length >= 2, "the axis is labelled");
  assert.ok(await page.locator(".tl-density-area").getAttribute("d"));

  // Hovering a mark tells what it is.
  await page.locator(".tl-mark circle").first().hover();
  assert.match(await page.locator(".tl-tip").innerText(), /\d{4}/);
  await page.screenshot({ path: artifactPath("timeline-1280.png"), fullPage: true });
  await page.locator(".timeline").screenshot({ path: artifactPath("timeline-1280-crop.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("brushing a window narrows the list and the URL; clearing restores them", async () => {
  const { page, errors } = await open();
  const all = await listCount(page);
  await page.locator(".timeline").scrollIntoViewIfNeeded();
  const strip = await page.locator(".tl-strip").boundingBox();
  const y = strip.y + strip.height / 2;
  // The last quarter of the view: the recent events, not the early ones.
  await page.mouse.move(strip.x + strip.width * 0.75, y);
  await page.mouse.down();
  await page.mouse.move(strip.x + strip.width * 0.98, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("from"));
  const params = new URL(page.url()).searchParams;
  assert.match(params.get("from"), /^\d{4}-\d{2}-\d{2}$/);
  assert.match(params.get("to"), /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(params.get("from") < params.get("to"));
  const narrowed = await listCount(page);
  assert.ok(narrowed > 0 && narrowed < all, `the list narrowed (${narrowed} of ${all})`);
  // Every event left meets the window (a month or year that overlaps it counts).
  const [from, to] = [params.get("from"), params.get("to")];
  for (const date of await page.locator(".event-list li time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")))) {
    assert.ok(date <= to.slice(0, date.length) && date >= from.slice(0, date.length), `${date} in ${from}..${to}`);
  }
  // Events outside still draw, dimmed.
  assert.ok((await page.locator(".tl-mark.outside").count()) > 0);
  assert.equal(await page.locator(".tl-mark").count() + (await page.locator(".tl-chip").count()), all);
  await page.locator(".timeline").screenshot({ path: artifactPath("timeline-brushed.png") });

  await page.locator(".tl-clear").click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has("from"));
  assert.equal(await listCount(page), all);
  assert.equal(await page.locator(".tl-mark.outside").count(), 0);

  // A drag across the lanes pans the view and filters nothing.
  const span = await page.locator(".tl-span").textContent();
  await page.mouse.move(strip.x + strip.width * 0.5, strip.y + 90);
  await page.mouse.down();
  await page.mouse.move(strip.x + strip.width * 0.2, strip.y + 90, { steps: 6 });
  await page.mouse.up();
  await frame(page);
  assert.notEqual(await page.locator(".tl-span").textContent(), span, "the view moved");
  assert.ok(!new URL(page.url()).searchParams.has("from"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a window in the URL is drawn, and Shift+arrows move it", async () => {
  const { page, errors } = await open({ query: "from=2025-01-01&to=2025-06-30" });
  await page.locator(".tl-window").waitFor();
  assert.match(await page.locator(".tl-window-readout").textContent(), /1 Jan 2025.+30 Jun 2025/);
  await page.locator(".tl-plot").focus();
  await page.keyboard.press("Shift+ArrowRight");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("from") !== "2025-01-01");
  assert.ok(new URL(page.url()).searchParams.get("from") > "2025-01-01");
  assert.deepEqual(errors, []);
  await page.close();
});

test("clicking a mark selects its event", async () => {
  const { page, errors } = await open();
  assert.equal(await page.locator(".event-card").count(), 0);
  await page.locator(".tl-mark circle").first().click();
  await page.locator(".event-card").waitFor();
  await page.waitForURL((url) => url.searchParams.has("event"));
  await page.locator(".tl-ring-selected").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the keyboard zooms, pans, resets, and reaches and selects events", async () => {
  const { page, errors } = await open();
  const plot = page.locator(".tl-plot");
  assert.equal(await plot.getAttribute("tabindex"), "0");
  assert.match(await page.locator("#timeline-help").innerText(), /zoom/);
  await plot.focus();
  const before = await tickLabels(page);
  for (let i = 0; i < 5; i++) await page.keyboard.press("+");
  await frame(page);
  const zoomed = await tickLabels(page);
  assert.notDeepEqual(zoomed, before, "zooming in relabels the axis");
  await page.keyboard.press("ArrowRight");
  await frame(page);
  await page.keyboard.press("Home");
  await frame(page);
  assert.deepEqual(await tickLabels(page), before, "Home restores the whole span");

  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement.getAttribute("data-n"));
  assert.ok(first !== null, "Tab reaches a mark");
  await page.keyboard.press("ArrowRight");
  const second = await page.evaluate(() => document.activeElement.getAttribute("data-n"));
  assert.ok(second !== null && second !== first, "→ steps to the next event");
  await page.keyboard.press("Enter");
  await page.locator(".event-card").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("a two-finger pinch zooms; Chinese labels months 月", async () => {
  const { page, errors } = await open({ query: "ui=zh", width: 360 });
  const before = await tickLabels(page);
  await page.locator(".timeline").scrollIntoViewIfNeeded();
  const box = await page.locator(".tl-svg").boundingBox();
  // Pointer events as a touch screen sends them (Playwright has no multi-touch).
  await page.evaluate(({ x, y, w }) => {
    const svg = document.querySelector(".tl-svg");
    const send = (type, pointerId, clientX) =>
      svg.dispatchEvent(new PointerEvent(type, { pointerId, clientX, clientY: y, pointerType: "touch", bubbles: true, isPrimary: pointerId === 1 }));
    send("pointerdown", 1, x + w * 0.45);
    send("pointerdown", 2, x + w * 0.55);
    for (let k = 1; k <= 10; k++) {
      send("pointermove", 1, x + w * (0.45 - 0.04 * k));
      send("pointermove", 2, x + w * (0.55 + 0.04 * k));
    }
    send("pointerup", 1, x + w * 0.05);
    send("pointerup", 2, x + w * 0.95);
  }, { x: box.x, y: box.y + 80, w: box.width });
  await frame(page);
  const after = await tickLabels(page);
  assert.notDeepEqual(after, before, "the pinch zoomed in");
  await page.locator(".timeline").screenshot({ path: artifactPath("timeline-360-zh-pinched.png") });
  for (let i = 0; i < 6; i++) await page.locator(".tl-zoom-in").click();
  await frame(page);
  const labels = await tickLabels(page);
  assert.ok(labels.some((l) => /^\d{1,2}月$|^\d{1,2}日$/.test(l)), labels.join(" "));
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [width, dark] of [[1280, true], [360, false], [360, true]]) {
  test(`the timeline fits ${width}px (${dark ? "dark" : "light"})`, async () => {
    const { page, errors } = await open({ width, dark });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const svg = await page.locator(".tl-svg").boundingBox();
    const section = await page.locator(".timeline").boundingBox();
    assert.ok(svg.width <= section.width, "the plot fits its section");
    const name = `timeline-${width}${dark ? "-dark" : ""}`;
    await page.screenshot({ path: artifactPath(`${name}.png`), fullPage: true });
    await page.locator(".timeline").screenshot({ path: artifactPath(`${name}-crop.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// Many events: beyond a few hundred, the marks are drawn on a canvas (no element per event),
// and the pointer and the keyboard find them through the timeline's index instead.
const bigSite = {};
before(async () => {
  bigSite.dir = mkdtempSync(join(tmpdir(), "atlas-big-"));
  cpSync(DIST, bigSite.dir, { recursive: true });
  writeFileSync(join(bigSite.dir, "big.json"), JSON.stringify(bigDataset(1200)));
  bigSite.server = await serveDirectory(bigSite.dir, "/atlas/");
});
after(async () => {
  await bigSite.server?.close();
  if (bigSite.dir) rmSync(bigSite.dir, { recursive: true, force: true });
});

/** `count` events from 2015 to 2020 (days, months, years; some undated), and a lone summit on
 * 15 June 2012 first, left of all the others: the mark the test points at. Deterministic. */
function bigDataset(count) {
  let seed = 7;
  const random = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const kinds = ["visit", "forum", "agreement", "investment", "trade_figure", "joint_venture", "education", "other"];
  const two = (n) => String(n).padStart(2, "0");
  const place = { name: "London", canonical: "London", lat: 51.5085, lon: -0.1257, country: "GB", level: "city", role: "venue" };
  const event = (k, kind, date) => ({
    id: `big.txt#${k}`, file: "big.txt", kind, salience: "main", date,
    places: [place], actors: [], sectors: [], figures: [], evidence: [],
  });
  const events = [event(1, "summit", "2012-06-15")];
  for (let k = 2; k <= count; k++) {
    const [year, month, day] = [2015 + random(6), 1 + random(12), 1 + random(28)];
    const precision = random(20);
    const date = k % 50 === 0 ? null : precision < 14 ? `${year}-${two(month)}-${two(day)}` : precision < 18 ? `${year}-${two(month)}` : `${year}`;
    events.push(event(k, kinds[k % kinds.length], date));
  }
  return { documents: [{ file: "big.txt", title: "Many events", lang: "en", published: "2021-01-01", source: "Test wire" }], events };
}

/** Opens the big dataset; resolves once the canvas has drawn marks. */
async function openBig({ dark = false } = {}) {
  const page = await site.browser.context.newPage();
  const errors = watchForErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  if (dark) await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(bigSite.server.url + "?dataset=big.json");
  await page.locator(".tl-canvas").waitFor();
  await page.locator(".timeline").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const canvas = document.querySelector(".tl-canvas");
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    return pixels.some((value, i) => i % 4 === 3 && value > 0);
  });
  return { page, errors };
}

/** The leftmost mark on the canvas: its centre in CSS pixels of the canvas, and its colour. */
function leftmostMark(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector(".tl-canvas");
    const { width, height } = canvas;
    const pixels = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const alpha = (x, y) => pixels[(y * width + x) * 4 + 3];
    const inked = (x) => [...Array(height).keys()].filter((y) => alpha(x, y) > 0);
    let left = 0;
    while (left < width && inked(left).length === 0) left++;
    let right = left;
    while (right < width && inked(right).length > 0) right++;
    const middle = Math.floor((left + right) / 2);
    const ys = inked(middle);
    const y = Math.floor((ys[0] + ys[ys.length - 1]) / 2);
    const at = (y * width + middle) * 4;
    const scale = width / canvas.clientWidth;
    return { x: middle / scale, y: y / scale, rgb: [...pixels.slice(at, at + 3)] };
  });
}

const hex = (rgb) => "#" + rgb.map((c) => c.toString(16).padStart(2, "0")).join("");

test("a large dataset draws its marks on a canvas, where hover and click find them", async () => {
  const { page, errors } = await openBig();
  assert.equal(await page.locator(".tl-mark").count(), 0, "no SVG element per event");
  // The mark is drawn in its kind's colour (a summit), where the lone first event belongs.
  const mark = await leftmostMark(page);
  const summit = await page.evaluate(() => getComputedStyle(document.querySelector(".atlas")).getPropertyValue("--kind-summit").trim());
  assert.equal(hex(mark.rgb), summit);
  const box = await page.locator(".tl-canvas").boundingBox();
  assert.ok(mark.x < box.width * 0.2, `the 2012 event is left of the rest (x ${mark.x})`);

  await page.mouse.move(box.x + mark.x, box.y + mark.y);
  await page.locator(".tl-tip").waitFor();
  assert.match(await page.locator(".tl-tip").innerText(), /Summit, 15 Jun 2012/);
  await page.locator(".tl-ring-hover").waitFor();
  await page.locator(".timeline").screenshot({ path: artifactPath("timeline-canvas-hover.png") });

  await page.mouse.click(box.x + mark.x, box.y + mark.y);
  await page.locator(".event-card").waitFor();
  await page.waitForURL((url) => url.searchParams.get("event") === "big.txt#1");
  await page.locator(".tl-ring-selected").waitFor();
  // Moving off the mark hides its tooltip.
  await page.mouse.move(box.x + mark.x, box.y + box.height - 2);
  await page.locator(".tl-tip").waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await page.close();
});

test("on the canvas, , and . step through the events by date and Enter selects one", async () => {
  const { page, errors } = await openBig();
  assert.match(await page.locator("#timeline-help").innerText(), /, and \. step/);
  await page.locator(".tl-plot").focus();
  await page.keyboard.press(".");
  await page.waitForFunction(() => document.querySelector(".tl-live")?.textContent.includes("15 Jun 2012"));
  assert.match(await page.locator(".tl-tip").innerText(), /15 Jun 2012/);
  await page.keyboard.press(".");
  await page.waitForFunction(() => /201[5-9]|2020/.test(document.querySelector(".tl-live").textContent));
  await page.keyboard.press(",");
  await page.waitForFunction(() => document.querySelector(".tl-live").textContent.includes("15 Jun 2012"));
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("event") === "big.txt#1");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the canvas takes the dark theme's colours", async () => {
  const { page, errors } = await openBig({ dark: true });
  const mark = await leftmostMark(page);
  const summit = await page.evaluate(() => getComputedStyle(document.querySelector(".atlas")).getPropertyValue("--kind-summit").trim());
  assert.equal(hex(mark.rgb), summit, "the dark summit colour");
  await page.locator(".timeline").screenshot({ path: artifactPath("timeline-canvas-dark.png") });
  // Switching the theme redraws with the other colours.
  await page.locator(".theme-switch").click();
  await page.waitForFunction((before) => getComputedStyle(document.querySelector(".atlas")).getPropertyValue("--kind-summit").trim() !== before, summit);
  const switched = await page.evaluate(() => getComputedStyle(document.querySelector(".atlas")).getPropertyValue("--kind-summit").trim());
  await page.waitForFunction(async (want) => {
    const canvas = document.querySelector(".tl-canvas");
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < pixels.length; i += 4) {
      const hex = "#" + [0, 1, 2].map((k) => pixels[i + k].toString(16).padStart(2, "0")).join("");
      if (pixels[i + 3] === 255 && hex === want) return true;
    }
    return false;
  }, switched);
  await page.locator(".timeline").screenshot({ path: artifactPath("timeline-canvas-light.png") });
  assert.deepEqual(errors, []);
  await page.close();
});
