// Drops from package-lock.json the optional dependencies it names but does not contain.
// The npm registry of this machine kind does not serve some platform builds (msgpackr-extract's
// darwin, win32 and linux-arm prebuilds, optional dependencies of mapshaper's msgpackr): npm
// leaves them out of the lock but keeps the names, and `npm ci` then refuses the lock as out of
// sync. Run after every `npm install`:  node .ci/prune-lock.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const present = Object.keys(lock.packages);
const dropped = [];
for (const [name, entry] of Object.entries(lock.packages)) {
  for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
    if (!present.some((key) => key.endsWith(`node_modules/${dep}`))) {
      delete entry.optionalDependencies[dep];
      dropped.push(`${name} → ${dep}`);
    }
  }
}
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(dropped.length ? `dropped:\n${dropped.join("\n")}` : "nothing to drop");
