// What the first-view benchmarks share: a load up to the app's `performance.mark("atlas:drawn")`
// (set after the frame that shows the map and the timeline with every corpus event), and how
// their times are summarised.

/** Navigates `page` to `url` and resolves to the time from navigation to `atlas:drawn`, in ms. */
export async function drawnAfterNavigation(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("atlas:drawn").length > 0, null, { timeout: 20000 });
  return page.evaluate(() => performance.getEntriesByName("atlas:drawn")[0].startTime);
}

/** `median ms (min–max)` of `values`. */
export function medianRange(values) {
  const median = [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return `${median.toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
}
