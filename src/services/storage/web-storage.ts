/**
 * sessionStorage / localStorage access. Browsers can refuse storage (privacy modes, full quota, blocked
 * cookies); every call reports that as a value instead of throwing.
 */
export type WebArea = 'local' | 'session';

function area(name: WebArea): Storage | null {
  try {
    return name === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    // Accessing the property itself throws when storage is blocked.
    return null;
  }
}

export function readText(where: WebArea, key: string): string | null {
  try {
    return area(where)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes `value`, or removes the key for null. Returns an error message when the browser refused. */
export function writeText(where: WebArea, key: string, value: string | null): string | null {
  const storage = area(where);
  if (!storage) return 'This browser blocks site storage.';
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
