// Cuts the app's wasm at its `#[lazy]` functions (the "Your articles" panel, the exporters):
// the first view downloads only the main module, each chunk is fetched the first time it is
// called. Run by .ci/finish-site.mjs (Trunk's post-build hook); Trunk has no split step.
//
// The split must see the module as the linker wrote it, with its relocations (build.rs passes
// `--emit-relocs` to the feature `split` build), so it runs on cargo's output, before
// wasm-bindgen; Trunk's own wasm-bindgen output of the unsplit module is replaced:
//
//   cargo's wasm ─ wasm-split-cli ─┬─ main ─ wasm-bindgen ─ wasm-opt -Oz ─ <name>_bg.wasm, <name>.js
//                                  ├─ chunks ─ wasm-opt -Oz ─ lazy-<chunk>-<hash>.wasm
//                                  └─ __wasm_split.js (the chunks' loaders) ─ <name>-split.js
//
// Every URL stays relative (`new URL("./…", import.meta.url)`): the site works from any
// sub-path, and the chunks are fetched from the site itself, as the CSP requires
// (connect-src 'self'; 'wasm-unsafe-eval' compiles them). File names carry content hashes like
// Trunk's, so a browser never mixes chunks of two builds.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = "cooperation-atlas";
// The import module of `#[lazy]` functions before the split (wasm_split_helpers).
const PLACEHOLDER = "__wasm_split_placeholder__";

const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const short = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
};

function run(command, args) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")}: exit ${code}`))));
  });
}

// The wasm cargo linked for this build (Trunk's cargo run just wrote it).
function cargoWasm() {
  const metadata = JSON.parse(
    execFileSync("cargo", ["metadata", "--format-version=1", "--no-deps", "--offline"], { cwd: root, encoding: "utf8" }),
  );
  const profile = process.env.TRUNK_PROFILE === "debug" ? "debug" : "release";
  return join(metadata.target_directory, "wasm32-unknown-unknown", profile, `${BIN}.wasm`);
}

/**
 * Splits the main module of the site in `dir` (whose index.html is `html`) and returns the
 * page with its links to the new files. A module without `#[lazy]` functions (a build
 * without the feature `split`) is left as Trunk made it.
 */
export async function splitWasm(dir, html, { optimize = process.env.TRUNK_PROFILE !== "debug" } = {}) {
  const glue = html.match(new RegExp(`\\./(${BIN}-[0-9a-f]+)\\.js`))?.[1];
  if (!glue) throw new Error("no wasm-bindgen glue script in index.html");
  const input = cargoWasm();
  const bytes = readFileSync(input);
  if (!bytes.includes(Buffer.from(PLACEHOLDER))) return { html, chunks: [] };

  const work = mkdtempSync(join(tmpdir(), "atlas-split-"));
  try {
    // 1. The split: main.wasm (for wasm-bindgen), the chunks, and their loaders.
    execFileSync("wasm-split-cli", [input, work, "--out-name", "main"], { stdio: ["ignore", "inherit", "inherit"] });
    const chunkFiles = readdirSync(work).filter((f) => f.endsWith(".wasm") && f !== "main.wasm");
    // 2. wasm-bindgen as Trunk runs it, keeping the exports the chunks import (memory, table,
    //    stack pointer, shared functions).
    const bindgen = join(work, "bindgen");
    execFileSync(
      "wasm-bindgen",
      ["--target=web", `--out-dir=${bindgen}`, "--out-name=main", "--no-typescript", "--keep-lld-exports", join(work, "main.wasm")],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    // 3. wasm-opt -Oz on every module, in parallel.
    const modules = [join(bindgen, "main_bg.wasm"), ...chunkFiles.map((f) => join(work, f))];
    // The wasm-opt of package.json (Trunk.toml's version), as Trunk would use it.
    const local = join(root, "node_modules", ".bin", "wasm-opt");
    const wasmOpt = existsSync(local) ? local : "wasm-opt";
    // ATLAS_KEEP_NAMES=1 keeps function names, for profiles (with cargo's `strip = "none"`).
    const names = process.env.ATLAS_KEEP_NAMES === "1" ? ["-g"] : [];
    if (optimize) await Promise.all(modules.map((path) => run(wasmOpt, ["-Oz", ...names, path, "-o", path])));

    // 4. Content-hashed names, and the references between the files.
    let loaders = readFileSync(join(work, "__wasm_split.js"), "utf8");
    const chunks = [];
    for (const file of chunkFiles) {
      const data = readFileSync(join(work, file));
      // `lazy-` marks what the first view does not fetch (.ci/size-report.mjs counts it apart).
      const stem = file.replace(/\.wasm$/, "").replace(/^split_/, "").replace(/_\d{6,}$/, "");
      const name = `lazy-${stem}-${short(data)}.wasm`;
      const quoted = JSON.stringify(`./${file}`);
      if (!loaders.includes(quoted)) throw new Error(`__wasm_split.js does not load ${file}`);
      loaders = loaders.replaceAll(quoted, JSON.stringify(`./${name}`));
      writeFileSync(join(dir, name), data);
      chunks.push(name);
    }
    const mainWasm = readFileSync(join(bindgen, "main_bg.wasm"));
    let mainJs = readFileSync(join(bindgen, "main.js"), "utf8");
    const name = `${BIN}-${short(mainWasm, mainJs, loaders)}`;
    const splitJs = `${name}-split.js`;
    loaders = loaders.replace(`from "./main.js"`, `from "./${name}.js"`);
    if (!loaders.includes(`"./${name}.js"`)) throw new Error("__wasm_split.js does not import the glue");
    // The glue imports the loaders by file name; the wasm's import module (the key of the
    // import object) stays "./__wasm_split.js".
    mainJs = mainJs.replaceAll(`from "./__wasm_split.js"`, `from "./${splitJs}"`).replaceAll("main_bg.wasm", `${name}_bg.wasm`);
    if (!mainJs.includes(`from "./${splitJs}"`)) throw new Error("the glue does not import __wasm_split.js");
    writeFileSync(join(dir, splitJs), loaders);
    writeFileSync(join(dir, `${name}.js`), mainJs);
    writeFileSync(join(dir, `${name}_bg.wasm`), mainWasm);
    for (const old of [`${glue}.js`, `${glue}_bg.wasm`]) rmSync(join(dir, old), { force: true });

    // 5. The page: the new names and integrities; the loaders preloaded with the glue that
    //    imports them (the first view needs them to start, not the chunks).
    const integrity = (file, data) => {
      const link = new RegExp(`(href="\\./${file.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*(")`);
      if (!link.test(html)) throw new Error(`index.html has no preload of ${file}`);
      html = html.replace(link, `$1${sri(data)}$2`);
    };
    html = html.replaceAll(`${glue}_bg.wasm`, `${name}_bg.wasm`).replaceAll(`${glue}.js`, `${name}.js`);
    integrity(`${name}.js`, mainJs);
    integrity(`${name}_bg.wasm`, mainWasm);
    html = html.replace(
      new RegExp(`<link rel="modulepreload" href="\\./${name}\\.js"[^>]*>`),
      (preload) => `${preload}<link rel="modulepreload" href="./${splitJs}" crossorigin="anonymous" integrity="${sri(loaders)}">`,
    );
    if (!html.includes(splitJs)) throw new Error("index.html: no modulepreload of the glue to put the loaders beside");
    return { html, chunks, splitJs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// node .ci/split-wasm.mjs DIR: splits the site in DIR (normally run by finish-site.mjs).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";
  const path = join(dir, "index.html");
  if (!existsSync(path)) throw new Error(`${path}: no site`);
  const { html, chunks } = await splitWasm(dir, readFileSync(path, "utf8"));
  writeFileSync(path, html);
  console.log(`split-wasm: ${chunks.join(", ") || "nothing to split"}`);
}
