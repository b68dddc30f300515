// The few column types that differ between SQLite and PostgreSQL, so one migration serves both.
import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { DatabaseKind } from '../../config.ts';

/** Adds an auto-incrementing integer primary key named `id`. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, kind: DatabaseKind): CreateTableBuilder<T, 'id'> {
  return kind === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Booleans: native in PostgreSQL, 0/1 integers in SQLite. */
export function booleanType(kind: DatabaseKind): 'boolean' | 'integer' {
  return kind === 'postgres' ? 'boolean' : 'integer';
}

/** Timestamps are ISO-8601 UTC text ("2026-11-21T09:10:00.000Z") on both: sortable and unambiguous. */
export const timestampType = 'text' as const;

/** JSON documents are stored as text on both and parsed by the repositories. */
export const jsonType = 'text' as const;

export function notNull(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return c.notNull();
}

/** The largest id an integer key can hold; larger numbers name nothing (and must not reach PostgreSQL). */
export const MAX_ID = 2_147_483_647;

export function isStoredId(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_ID;
}
