import type { Result } from './result.ts';

export type BaseUrlProblem = 'empty' | 'not-a-url' | 'not-http' | 'has-credentials';

/**
 * Checks a user-typed base URL before any request is made. Credentials inside the URL are refused because the
 * key must only ever travel in the Authorization header, never in a URL (URLs end up in logs and history).
 * Returns the URL normalised, without trailing slashes: the form the SDK appends paths to.
 */
export function normalizeBaseURL(input: string): Result<string, BaseUrlProblem> {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'empty' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: 'not-a-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'not-http' };
  if (url.username !== '' || url.password !== '') return { ok: false, error: 'has-credentials' };
  // The URL's own serialisation ("/v1/../x" resolved, host lower-cased) is what fetch will really request.
  return { ok: true, value: url.href.replace(/\/+$/, '') };
}

/** "localhost:11434" style label for messages; falls back to the raw text for unparsable input. */
export function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}

export function isLocalHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\./.test(h);
}
