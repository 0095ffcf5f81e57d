/**
 * What the page may do with a URL found in text it did not write (a model's answer, a pasted one): nothing that
 * makes the browser fetch it unasked. The only host Stepwise talks to is the Base URL the user set; an image in
 * an answer pointing elsewhere would tell that host who is reading what (the problem can be in its URL). So an
 * image is loaded only when the user asks for it, a small `data:` image (no request at all) is shown as it is,
 * and a link is kept only when following it is an ordinary navigation (http, https, mailto), never script.
 *
 * Pure and cheap: called only for images and links, which the streaming fast path never sees.
 */

export type ImagePolicy =
  /** Shown at once: the bytes are in the URL, nothing is fetched. */
  | { kind: 'inline'; src: string }
  /** Fetched only after the user presses "Load image from <host>". */
  | { kind: 'ask'; url: string; host: string }
  /** Never loaded (another scheme, too large, unreadable); shown as text only. */
  | { kind: 'refuse'; reason: 'scheme' | 'too-large' | 'invalid' };

/** About 1 MB of base64 (≈ 750 KB of image): more than any formula sketch needs, small enough to decode at once. */
export const MAX_INLINE_IMAGE_CHARS = 1_000_000;

/** Image types an `<img>` shows without running anything; SVG as an image runs no script and loads nothing. */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|jpg|webp|avif|bmp|x-icon|vnd\.microsoft\.icon|svg\+xml)[;,]/i;

/** Tabs and newlines are ignored by URL parsers anywhere in a URL, so "java\tscript:" is still script. */
const IGNORED_IN_URL = /[\t\n\r]/g;

/**
 * Decides how an image reference in untrusted text is shown. `pageURL` resolves relative references (they would
 * be fetched from the page's own host, which is no more entitled to see the answer than any other).
 */
export function imagePolicy(src: string, pageURL: string): ImagePolicy {
  const raw = src.replace(IGNORED_IN_URL, '').trim();
  if (/^data:/i.test(raw)) {
    if (!DATA_IMAGE.test(raw)) return { kind: 'refuse', reason: 'scheme' };
    return raw.length <= MAX_INLINE_IMAGE_CHARS ? { kind: 'inline', src: raw } : { kind: 'refuse', reason: 'too-large' };
  }
  const url = parse(raw, pageURL);
  if (!url) return { kind: 'refuse', reason: 'invalid' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'refuse', reason: 'scheme' };
  // A user name or password in an image URL is only ever a trick (it reads as another host).
  if (url.username !== '' || url.password !== '') return { kind: 'refuse', reason: 'invalid' };
  return { kind: 'ask', url: url.href, host: url.hostname };
}

/** Schemes a link may use: navigations the user starts by clicking, which run nothing in this page. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The href to put on a link from untrusted text, or null when it must be shown as plain text. */
export function safeLinkHref(href: string, pageURL: string): string | null {
  const raw = href.replace(IGNORED_IN_URL, '').trim();
  if (raw === '') return null;
  const url = parse(raw, pageURL);
  if (!url || !LINK_SCHEMES.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

function parse(raw: string, base: string): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}
