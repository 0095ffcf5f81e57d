/** A typed outcome for boundaries: failures are values the UI can show, never thrown exceptions. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
