// What `lightpath load` did, item by item, so an operator sees exactly what changed.
export type LoadAction = 'created' | 'updated' | 'unchanged';

export interface LoadEntry {
  section: string;
  name: string;
  action: LoadAction;
  changes: string[];
}

export class LoadReport {
  readonly entries: LoadEntry[] = [];

  add(section: string, name: string, action: LoadAction, changes: string[] = []): void {
    this.entries.push({ section, name, action, changes });
  }

  get changed(): boolean {
    return this.entries.some((e) => e.action !== 'unchanged');
  }

  format(): string {
    const lines = this.entries.map((e) => `${e.section} ${e.name}: ${e.action}${e.changes.length ? ` (${e.changes.join(', ')})` : ''}`);
    const count = (a: LoadAction) => this.entries.filter((e) => e.action === a).length;
    lines.push(`${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged.`);
    return lines.join('\n');
  }
}

/** Names the fields whose wanted value differs from the current one. */
export function differences(current: Record<string, unknown>, wanted: Record<string, unknown>): string[] {
  return Object.keys(wanted).filter((key) => wanted[key] !== undefined && current[key] !== wanted[key]);
}
