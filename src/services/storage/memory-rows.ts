/** Rows for an in-memory backend, keyed by their `id` (or by position when a row has none, so bad rows still load and get reported). */
export function rowsById(initial: unknown[]): Map<string, unknown> {
  const rows = new Map<string, unknown>();
  initial.forEach((row, i) => {
    const id = (row as { id?: unknown } | null)?.id;
    rows.set(typeof id === 'string' ? id : `#${i}`, row);
  });
  return rows;
}
