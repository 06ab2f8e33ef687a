// Shared by the peer pages of the scale benchmark (tests/bench/scale.mjs): reads the same
// synthetic extraction the atlas opens (`?data=URL`), turns each event into what every peer
// needs, adds the search box and the "Visits only" facet the harness drives, and marks the
// first draw the way the atlas does (two animation frames after the library drew).

/** The first and last day a `YYYY[-MM[-DD]]` date covers, as Dates (UTC), or null. */
function span(date) {
  if (!date) return null;
  const [y, m, d] = date.split("-").map(Number);
  if (d) return [new Date(Date.UTC(y, m - 1, d)), null];
  if (m) return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 1))];
  return [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y + 1, 0, 1))];
}

/** The dataset's events: index, kind, date span, venue, a title, the evidence, search text. */
export async function loadEvents() {
  const url = new URLSearchParams(location.search).get("data");
  const extraction = await (await fetch(url)).json();
  return extraction.events.map((e, i) => {
    const venue = e.places[0] ?? null;
    const text = e.evidence.map((x) => x.text).join(" ");
    return {
      i,
      kind: e.kind,
      date: e.date,
      span: span(e.date),
      venue,
      title: `${e.kind.replace("_", " ")} · ${venue?.canonical ?? "?"}`,
      text,
      search: [text, ...e.places.map((p) => p.canonical), ...e.actors.map((a) => a.name)].join(" ").toLowerCase(),
    };
  });
}

/** Adds the search box and the facet; `onChange(keep)` gets the predicate of the events shown. */
export function controls(onChange) {
  const bar = document.getElementById("controls");
  bar.innerHTML = `<input id="search" type="search" placeholder="Search" autocomplete="off">
    <label><input id="visits" type="checkbox"> Visits only</label> <span id="details"></span>`;
  const search = bar.querySelector("#search");
  const visits = bar.querySelector("#visits");
  const changed = () => {
    const query = search.value.trim().toLowerCase();
    const onlyVisits = visits.checked;
    onChange((e) => (!onlyVisits || e.kind === "visit") && (!query || e.search.includes(query)));
  };
  search.addEventListener("input", changed);
  visits.addEventListener("change", changed);
}

export function showDetails(event) {
  document.getElementById("details").textContent = event ? `${event.date ?? "undated"} ${event.text}` : "";
}

/** Marks `peer:drawn` after the frame that shows the first draw (as the atlas marks `atlas:drawn`). */
export function markDrawn() {
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("peer:drawn")));
}

export function fail(error) {
  document.title = `failed: ${error}`;
  window.peerError = String(error);
}
