// Job types known to this process. Domains define theirs at start-up; enqueueing an unknown type
// is a programming error caught at once rather than a job that waits for ever.
import type { JobDefinition } from './types.ts';

export class JobRegistry {
  private readonly definitions = new Map<string, JobDefinition>();

  define<P>(definition: JobDefinition<P>): void {
    if (this.definitions.has(definition.type)) throw new Error(`Job type "${definition.type}" is defined twice`);
    if (!/^[a-z][a-z0-9_-]*$/.test(definition.type)) throw new Error(`Job type "${definition.type}" must be lower-case letters, digits, _ or - (pg-boss queue names)`);
    this.definitions.set(definition.type, definition as JobDefinition);
  }

  get(type: string): JobDefinition {
    const definition = this.definitions.get(type);
    if (!definition) throw new Error(`Unknown job type "${type}"`);
    return definition;
  }

  types(): string[] {
    return [...this.definitions.keys()];
  }
}
