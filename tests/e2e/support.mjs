// Shared by the end-to-end tests: serve dist/ from 127.0.0.1 under a sub-path, and drive
// Debian's Chromium with Playwright (never a downloaded browser).
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { inflateSync } from "node:zlib";
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, mkdirSync } from "node:fs";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "tests/e2e/artifacts");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
};

/**
 * Serves `dir` at http://127.0.0.1:<free port><basePath>, and each of `extraFiles` (name → path
 * on disk) beside it. Resolves to { url, requests, close }.
 * `requests` records every path asked for, so a test can check nothing left the sub-path.
 * Like common static hosts (nginx, GitHub Pages), each response carries an ETag and is
 * revalidated before reuse (`no-cache`): a warm cache answers 304 and keeps the compiled wasm.
 */
export async function serveDirectory(dir, basePath = "/", extraFiles = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(path);
    if (!path.startsWith(basePath)) {
      res.writeHead(404).end("outside the served sub-path");
      return;
    }
    const extra = extraFiles[path.slice(basePath.length)];
    let file = extra ?? normalize(join(dir, path.slice(basePath.length)));
    if (!extra && !file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let stat = statSync(file);
      if (stat.isDirectory()) {
        file = join(file, "index.html");
        stat = statSync(file);
      }
      // nginx's form: modification time and size, in hex.
      const etag = `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${stat.size.toString(16)}"`;
      const headers = { etag, "cache-control": "no-cache" };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = readFileSync(file);
      res.writeHead(200, { ...headers, "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Headless Chromium with a fresh profile; `close()` also removes the profile. */
export async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), "atlas-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors, uncaught exceptions and failed requests of a page. */
/**
 * Decodes a PNG as Playwright's screenshots write it (8-bit RGB or RGBA, not interlaced):
 * { width, height, pixel(x, y) → [r, g, b] }. Lets a test look at what was painted where no
 * element can say (an SVG stroke's width on screen, say).
 */
export function decodePng(png) {
  const chunks = [];
  let width = 0, height = 0, channels = 0;
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      const [depth, color, interlace] = [data[8], data[9], data[12]];
      assert.ok(depth === 8 && (color === 2 || color === 6) && interlace === 0, "an 8-bit RGB(A) PNG");
      channels = color === 6 ? 4 : 3;
    } else if (type === "IDAT") chunks.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels] : 0;
      const paeth = () => {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predicted = [0, a, b, (a + b) >> 1, paeth()][filter];
      out[y * stride + i] = (x + predicted) & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => [...out.subarray(y * stride + x * channels, y * stride + x * channels + 3)] };
}

export function watchForErrors(page) {
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`exception: ${err.message}`));
  page.on("requestfailed", (req) => errors.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on("response", (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}

export function artifactPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/**
 * A synthetic dataset of `events` events (`atlas synth`, deterministic for a seed), written
 * once per run into the temporary directory; returns its path. The native tests have built
 * the CLI already, so this takes seconds.
 */
export function syntheticDataset(events, seed = 1) {
  const path = join(tmpdir(), `atlas-synth-${events}-${seed}.json`);
  if (!existsSync(path)) {
    // Written aside and renamed: an interrupted run leaves no half file to be taken as whole.
    const partial = `${path}.${process.pid}.partial`;
    const args = ["run", "--locked", "--quiet", "-p", "atlas-cli", "--", "synth", "--events", String(events), "--seed", String(seed), "--out", partial];
    execFileSync("cargo", args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    renameSync(partial, path);
  }
  return path;
}

/** For a test file against the built site: serves dist/ at `basePath` and starts Chromium
 * before its tests, stops both after them. `site.server` and `site.browser` are set by then. */
export function useBuiltSite(basePath = "/atlas/", extraFiles = {}) {
  const site = {};
  before(async () => {
    assert.ok(existsSync(join(DIST, "index.html")), "dist/index.html is missing: build the site first (trunk build --release)");
    site.server = await serveDirectory(DIST, basePath, extraFiles);
    site.browser = await launchChromium();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Runs `action` while Chromium records its timeline, and returns what the page's main thread
 * did then: { name, wall, cpu } in ms (`RunTask` for each task, `Layout`, `HandlePostMessage`…
 * within them), `cpu` being the time the thread actually ran. On a shared machine the system
 * can take the CPU away in the middle of a task (this one showed 40–99 % steal time under load,
 * and a task of 85 ms of work lasting 1.4 s), which lengthens `wall` with time the page spent
 * doing nothing.
 */
export async function traceMainThread(page, action) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
  try {
    await action();
  } finally {
    await cdp.send("Tracing.end");
    await complete;
    await cdp.detach();
  }
  const started = events.find((e) => e.name === "TracingStartedInBrowser");
  const pid = started?.args.data.frames.find((f) => f.isOutermostMainFrame)?.processId;
  const main = events.find((e) => e.pid === pid && e.name === "thread_name" && e.args.name === "CrRendererMain");
  assert.ok(main, "the trace has the page's main thread");
  return events
    .filter((e) => e.pid === pid && e.tid === main.tid && e.ph === "X")
    .map((e) => ({ name: e.name, wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
}

/** Makes `files` ({ name, text }) in the page, for `dropPrepared`: making them is the test's
 * work, done in a task of its own before the drop. */
export async function prepareDrop(page, files) {
  await page.evaluate((files) => {
    window.__dropped = files.map(({ name, text }) => new File([text], name, { type: "text/plain" }));
  }, files);
}

/** Drops the files `prepareDrop` made on the element `selector`, as a person drops them. */
export async function dropPrepared(page, selector) {
  await page.evaluate((selector) => {
    const transfer = new DataTransfer();
    for (const file of window.__dropped) transfer.items.add(file);
    document.querySelector(selector).dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, selector);
}
