// Prints what dist/ ships: raw, gzip (-9) and brotli (q11) bytes per file and in total.
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
const total = rows.reduce(
  (sum, row) => ({ file: "total", raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const width = Math.max(...rows.map((r) => r.file.length), 5);
console.log(`${"shipped".padEnd(width)}  ${"raw KB".padStart(9)}  ${"gzip KB".padStart(9)}  ${"brotli KB".padStart(9)}`);
for (const row of [...rows, total]) {
  console.log(`${row.file.padEnd(width)}  ${kb(row.raw)}  ${kb(row.gzip)}  ${kb(row.brotli)}`);
}
