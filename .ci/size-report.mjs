// Prints what dist/ ships: raw, gzip (-9) and brotli (q11) bytes per file, the total of the
// first view, and apart from it what is fetched only on demand (the engine's worker, when
// someone adds an article; the app's `lazy-*.wasm` chunks, cut by .ci/split-wasm.mjs, when the
// "Your articles" panel opens or a view is exported; embed.js, by pages that embed the atlas).
// Usage: node .ci/size-report.mjs DIST_DIR
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2];
if (!dist) {
  console.error("usage: node size-report.mjs DIST_DIR");
  process.exit(2);
}

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const rows = [];
for (const path of files(dist)) {
  const bytes = readFileSync(path);
  rows.push({
    file: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  });
}
const onDemand = (file) => file.startsWith("atlas-worker") || file.startsWith("lazy-") || file === "embed.js";
const sum = (label, list) =>
  list.reduce(
    (total, row) => ({ file: label, raw: total.raw + row.raw, gzip: total.gzip + row.gzip, brotli: total.brotli + row.brotli }),
    { file: label, raw: 0, gzip: 0, brotli: 0 },
  );
const firstView = sum("total, first view", rows.filter((row) => !onDemand(row.file)));
const later = sum("total, on demand (worker, lazy chunks, embed.js)", rows.filter((row) => onDemand(row.file)));
const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const width = Math.max(...rows.map((r) => r.file.length), 5);
console.log(`${"shipped".padEnd(width)}  ${"raw KB".padStart(9)}  ${"gzip KB".padStart(9)}  ${"brotli KB".padStart(9)}`);
for (const row of [...rows, firstView, later]) {
  console.log(`${row.file.padEnd(width)}  ${kb(row.raw)}  ${kb(row.gzip)}  ${kb(row.brotli)}`);
}
