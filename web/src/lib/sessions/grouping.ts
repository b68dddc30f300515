// A session's datasets as MxLIVE's session page showed them: by group, then by sample, each in
// the order it was first recorded; datasets of no group or sample come last in their own heading.
import type { Dataset, Report } from '$lib/datasets/types';

export interface SampleDatasets {
  sample: string | null;
  datasets: Dataset[];
}

export interface GroupDatasets {
  group: string | null;
  samples: SampleDatasets[];
}

function bucket<T>(items: T[], keyOf: (item: T) => string | null): [string | null, T[]][] {
  const buckets = new Map<string | null, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = buckets.get(key);
    if (list) list.push(item);
    else buckets.set(key, [item]);
  }
  // Unnamed last, so the groups people named come first.
  return [...buckets.entries()].sort(([a], [b]) => Number(a === null) - Number(b === null));
}

/** `datasets` oldest first, grouped by group name and then sample name. */
export function groupDatasets(datasets: Dataset[]): GroupDatasets[] {
  return bucket(datasets, (d) => d.group).map(([group, inGroup]) => ({
    group,
    samples: bucket(inGroup, (d) => d.sample).map(([sample, list]) => ({ sample, datasets: list })),
  }));
}

/** The reports on each dataset, by dataset id, best score first. */
export function reportsByDataset(reports: Report[]): Map<number, Report[]> {
  const byDataset = new Map<number, Report[]>();
  for (const report of [...reports].sort((a, b) => b.score - a.score)) {
    for (const id of report.data_ids) {
      const list = byDataset.get(id);
      if (list) list.push(report);
      else byDataset.set(id, [report]);
    }
  }
  return byDataset;
}
