/** Upgrades a versioned JSON object one version at a time. Pure; the table of steps is passed in. */
import type { Result } from '../llm/result.ts';

export type Migrations = Readonly<Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>>;

export type MigrateError =
  | { kind: 'bad-version'; found: unknown }
  | { kind: 'newer-version'; found: number }
  | { kind: 'no-migration'; from: number };

export function migrate(
  raw: Record<string, unknown>,
  version: unknown,
  current: number,
  migrations: Migrations,
): Result<Record<string, unknown>, MigrateError> {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: { kind: 'bad-version', found: version } };
  if (version > current) return { ok: false, error: { kind: 'newer-version', found: version } };
  let out = raw;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, error: { kind: 'no-migration', from: v } };
    out = step(out);
  }
  return { ok: true, value: out };
}
