// Checks of a report page as a person sees it, shared with the cross-area journeys: the line plot
// is really drawn (each series' line has one vertex per point) and the tables hold the values.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Vertices of each drawn line, by the series it belongs to (Plot names each line's path). */
async function lineVertices(page: Page, figure: string | undefined): Promise<Record<string, number>> {
  const scope = figure ? page.getByRole('figure', { name: figure }) : page.getByRole('figure').filter({ has: page.locator('g[data-label="line"] path') }).first();
  await scope.locator('g[data-label="line"] path').first().waitFor();
  return scope.locator('g[data-label="line"] path').evaluateAll((paths) => {
    const counts: Record<string, number> = {};
    for (const path of paths) {
      const name = path.getAttribute('data-label') ?? '';
      counts[name] = (counts[name] ?? 0) + (path.getAttribute('d')?.match(/[ML]/g)?.length ?? 0);
    }
    return counts;
  });
}

/**
 * The report page shows a line plot whose lines have `points` vertices per series (series name →
 * count), and tables holding every one of `tableValues` in a cell. `figure` names the plot by its
 * caption when the report has several.
 */
export async function assertReportDrawn(page: Page, expected: { points: Record<string, number>; tableValues: (string | number)[]; figure?: string }): Promise<void> {
  assert.deepEqual(await lineVertices(page, expected.figure), expected.points, 'points drawn per series');
  const cells = await page.locator('main table:not(details table)').locator('td, th').allTextContents();
  const shown = new Set(cells.map((c) => c.trim()));
  const missing = expected.tableValues.map(String).filter((value) => !shown.has(value));
  assert.deepEqual(missing, [], 'values missing from the report tables');
}
