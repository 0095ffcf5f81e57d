/**
 * What a share link carries and how it is checked. Pure: the payload is plain JSON; compression and the
 * base64url text around it live in services/share. A link is untrusted input (anyone can edit a URL), so
 * reading it never throws and says what is wrong: damaged, cut short, or made by a newer Stepwise.
 */
import type { Result } from '../llm/result.ts';
import { cleanSolution, isRecord, solutionProblem } from '../library/check-solution.ts';
import type { Solution } from '../solution/solution.ts';
import { isRevealPolicy, type RevealPolicy } from '../tutor/progress.ts';

/** The link format. The number also leads the fragment text (`1.<length>.<data>`), so the encoding itself can change. */
export const SHARE_VERSION = 1;

/**
 * The longest link we make. Browsers take far more, but links get cut or refused well before that by chat
 * apps, e-mail clients (long lines get wrapped) and URL shorteners; about 8,000 characters is the common
 * safe ceiling (the HTTP spec's recommended minimum support, and what most servers and proxies allow).
 */
export const MAX_LINK_CHARS = 8000;

/** A solution as a link carries it. `answer` is the original answer text, when it fits. */
export interface SharedSolution {
  problem: string;
  solution: Solution;
  answer: string;
  /** Where the solution came from, for the label: a model's id, "Built-in solver", or empty. */
  model: string;
  /** How freely the reader may reveal the steps, as the teacher chose; absent: the reader's own setting. */
  policy?: RevealPolicy;
}

/**
 * A policy in the link is one letter (`r`). The field is optional, so links without it (all links made before
 * it existed) read exactly as before, and an older app reading a newer link simply ignores it.
 */
const POLICY_CODES: Record<RevealPolicy, string> = { free: 'f', 'try-first': 't', 'hints-only': 'h' };
const policyOfCode = (code: unknown): RevealPolicy | null =>
  (Object.keys(POLICY_CODES) as RevealPolicy[]).find((p) => POLICY_CODES[p] === code) ?? null;

export type ShareErrorKind = 'too-long' | 'empty' | 'corrupt' | 'truncated' | 'newer-version';

export interface ShareError {
  kind: ShareErrorKind;
  message: string;
  hint: string;
}

const CHECK_LINK = 'Ask for the link again, and copy all of it: some apps cut long links or add spaces.';

export const shareError = (kind: ShareErrorKind, message: string, hint = CHECK_LINK): ShareError => ({ kind, message, hint });

export function tooLongError(length: number): ShareError {
  return shareError(
    'too-long',
    `This solution is too long to share as a link (${length.toLocaleString('en')} characters; the limit is ${MAX_LINK_CHARS.toLocaleString('en')}).`,
    'Save it to a set and export the set file instead.',
  );
}

/** The JSON text for a shared solution (compact: short keys, no empty fields). */
export function payloadJson(shared: SharedSolution): string {
  const body: Record<string, unknown> = { v: SHARE_VERSION, p: shared.problem, s: cleanSolution(shared.solution) };
  if (shared.answer !== '') body.a = shared.answer;
  if (shared.model !== '') body.m = shared.model;
  if (shared.policy !== undefined && isRevealPolicy(shared.policy)) body.r = POLICY_CODES[shared.policy];
  return JSON.stringify(body);
}

/** Reads the JSON text back, checking it the way stored data is checked. */
export function readPayloadJson(text: string): Result<SharedSolution, ShareError> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: shareError('corrupt', 'This share link is damaged: its contents cannot be read.') };
  }
  if (!isRecord(raw)) return { ok: false, error: shareError('corrupt', 'This share link is damaged: it holds no solution.') };
  if (typeof raw.v === 'number' && raw.v > SHARE_VERSION) return { ok: false, error: newerError(raw.v) };
  if (raw.v !== SHARE_VERSION) return { ok: false, error: shareError('corrupt', 'This share link is damaged: its format is unknown.') };
  if (typeof raw.p !== 'string' || raw.p.trim() === '') {
    return { ok: false, error: shareError('corrupt', 'This share link is damaged: it has no problem text.') };
  }
  const problem = solutionProblem(raw.s);
  if (problem !== null) return { ok: false, error: shareError('corrupt', `This share link is damaged: ${problem}.`) };
  const solution = raw.s as Solution;
  if (solution.steps.length === 0 && !solution.answer) {
    return { ok: false, error: shareError('corrupt', 'This share link is damaged: the solution in it is empty.') };
  }
  if (raw.a !== undefined && typeof raw.a !== 'string') return { ok: false, error: shareError('corrupt', 'This share link is damaged: the answer text is malformed.') };
  if (raw.m !== undefined && typeof raw.m !== 'string') return { ok: false, error: shareError('corrupt', 'This share link is damaged: the source is malformed.') };
  const policy = raw.r === undefined ? null : policyOfCode(raw.r);
  if (raw.r !== undefined && policy === null) {
    return { ok: false, error: shareError('corrupt', 'This share link is damaged: its reveal policy is not one Stepwise knows.') };
  }
  const value: SharedSolution = {
    problem: raw.p,
    solution: cleanSolution(solution),
    answer: (raw.a as string | undefined) ?? '',
    model: (raw.m as string | undefined) ?? '',
  };
  if (policy !== null) value.policy = policy;
  return { ok: true, value };
}

export function newerError(version: number): ShareError {
  return shareError(
    'newer-version',
    `This link was made by a newer version of Stepwise (link format v${version}; this app reads up to v${SHARE_VERSION}).`,
    'Reload the page to get the newest Stepwise, then open the link again.',
  );
}

/**
 * Splits the fragment text `1.<length>.<data>` into its version and data. The length of the data is written
 * in front of it so a link cut short (by a chat app, a line wrap) is told apart from a damaged one.
 */
export function splitPayload(payload: string): Result<{ version: number; data: string }, ShareError> {
  const clean = payload.trim();
  if (clean === '') return { ok: false, error: shareError('empty', 'This share link is empty: the solution part of the address is missing.') };
  const version = /^(\d{1,6})\./.exec(clean);
  if (version && Number(version[1]) > SHARE_VERSION) return { ok: false, error: newerError(Number(version[1])) };
  const m = /^(\d{1,6})\.(\d{1,7})\.([A-Za-z0-9_-]*)$/.exec(clean);
  if (!m || Number(m[1]) !== SHARE_VERSION) {
    return { ok: false, error: shareError('corrupt', 'This share link is damaged: the address is not in the form Stepwise writes.') };
  }
  const expected = Number(m[2]);
  const data = m[3]!;
  if (data.length < expected) {
    return {
      ok: false,
      error: shareError('truncated', `This share link is cut short: ${data.length.toLocaleString('en')} of its ${expected.toLocaleString('en')} characters arrived.`),
    };
  }
  if (data.length > expected) return { ok: false, error: shareError('corrupt', 'This share link is damaged: it has more characters than it should.') };
  return { ok: true, value: { version: SHARE_VERSION, data } };
}

export const joinPayload = (data: string): string => `${SHARE_VERSION}.${data.length}.${data}`;
