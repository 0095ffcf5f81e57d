/**
 * Share links: the solution travels in the URL fragment (`#/share/…`), which browsers never send to a server.
 * JSON → raw DEFLATE → base64url; the format and its checks are pure (core/share), this adds the compression.
 */
import type { Result } from '../../core/llm/result.ts';
import { fromBase64url, toBase64url } from '../../core/share/base64url.ts';
import {
  joinPayload,
  MAX_LINK_CHARS,
  payloadJson,
  readPayloadJson,
  shareError,
  splitPayload,
  tooLongError,
  type ShareError,
  type SharedSolution,
} from '../../core/share/share-payload.ts';
import { deflateRaw, inflateRaw } from './deflate.ts';

/** Far above anything a link of MAX_LINK_CHARS holds legitimately; caps a crafted "zip bomb" link. */
const MAX_JSON_BYTES = 2_000_000;

async function encodePayload(shared: SharedSolution): Promise<string> {
  return joinPayload(toBase64url(await deflateRaw(new TextEncoder().encode(payloadJson(shared)))));
}

/**
 * The link for `shared`, on the page at `pageUrl` (its fragment is replaced). The original answer text goes
 * along only while the link fits with it; the steps are what the reader needs, so it is dropped first.
 */
export async function makeShareLink(shared: SharedSolution, pageUrl: string): Promise<Result<string, ShareError>> {
  const base = pageUrl.replace(/#.*$/, '');
  const link = async (s: SharedSolution) => `${base}#/share/${await encodePayload(s)}`;
  const full = await link(shared);
  if (full.length <= MAX_LINK_CHARS) return { ok: true, value: full };
  if (shared.answer !== '') {
    const lean = await link({ ...shared, answer: '' });
    if (lean.length <= MAX_LINK_CHARS) return { ok: true, value: lean };
    return { ok: false, error: tooLongError(lean.length) };
  }
  return { ok: false, error: tooLongError(full.length) };
}

/** Reads the part of a share link after `#/share/`. */
export async function readShareLink(payload: string): Promise<Result<SharedSolution, ShareError>> {
  const parts = splitPayload(payload);
  if (!parts.ok) return parts;
  const bytes = fromBase64url(parts.value.data);
  if (!bytes) return { ok: false, error: shareError('corrupt', 'This share link is damaged: it has characters that do not belong.') };
  const json = await inflateRaw(bytes, MAX_JSON_BYTES);
  if (!json) return { ok: false, error: shareError('corrupt', 'This share link is damaged: its contents cannot be unpacked.') };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return { ok: false, error: shareError('corrupt', 'This share link is damaged: its contents are not text.') };
  }
  return readPayloadJson(text);
}
