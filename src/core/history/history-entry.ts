/**
 * A saved problem with its answer and reveal state: the unit of history. Pure: creation, validation and
 * migration of stored entries (stored data is untrusted — another version, a crash mid-write or a user's
 * tinkering may have left anything there).
 */
import type { Solution } from '../solution/solution.ts';
import { inlinePlainText } from '../solution/inline-math.ts';
import { emptyReveal, type RevealState } from '../reveal/reveal.ts';
import { isRevealPolicy, readProgress, type RevealPolicy, type TutorProgress } from '../tutor/progress.ts';

/**
 * v2 added the optional `validated` (the built-in solver's check of the final answer); v3 the optional `tutor`
 * (what the student did in "Your turn") and `policy` (a reveal policy a teacher's link or set carried).
 */
export const HISTORY_VERSION = 3;

export type EntrySource = 'model' | 'builtin' | 'paste';
/** `interrupted`: it was still streaming when the page closed. */
export type EntryStatus = 'streaming' | 'done' | 'stopped' | 'failed' | 'interrupted';

/** A failure as shown to the user; `kind` is the model adapter's error kind or the app's own. */
export interface EntryError {
  kind: string;
  message: string;
  hint: string;
  retryAfterSeconds?: number;
}

/**
 * The built-in solver's check of a model's or pasted final answer, by mathematical equivalence. Absent when
 * it was not checked (the solver cannot do the problem, or the answer came from the solver itself).
 */
export type Validation = { status: 'agrees' } | { status: 'disagrees'; /** The solver's answer, LaTeX. */ solverAnswer: string };

export interface HistoryEntry {
  v: typeof HISTORY_VERSION;
  id: string;
  createdAt: number;
  updatedAt: number;
  problem: string;
  source: EntrySource;
  /** Who answered: the model id, or empty. */
  model: string;
  /** The answer text exactly as received or pasted; the solution is parsed from it. */
  answer: string;
  /** Thinking the server streamed separately from the answer. */
  reasoning: string;
  /** The built-in solver's own structured solution (it writes no text to parse). */
  solution: Solution | null;
  status: EntryStatus;
  error: EntryError | null;
  /** True when the answer ended at the model's length limit. */
  truncated: boolean;
  reveal: RevealState;
  validated?: Validation;
  /** What the student did in "Your turn"; absent until they do something. */
  tutor?: TutorProgress;
  /** The reveal policy of the link or set this solution came from; absent: the student's own setting. */
  policy?: RevealPolicy;
}

export function newEntry(fields: {
  id: string;
  now: number;
  problem: string;
  source: EntrySource;
  model?: string;
  answer?: string;
  solution?: Solution | null;
  status: EntryStatus;
  error?: EntryError | null;
  /** A teacher's reveal policy (from a link or set); left out: the student's own setting. */
  policy?: RevealPolicy;
}): HistoryEntry {
  const entry: HistoryEntry = {
    v: HISTORY_VERSION,
    id: fields.id,
    createdAt: fields.now,
    updatedAt: fields.now,
    problem: fields.problem,
    source: fields.source,
    model: fields.model ?? '',
    answer: fields.answer ?? '',
    reasoning: '',
    solution: fields.solution ?? null,
    status: fields.status,
    error: fields.error ?? null,
    truncated: false,
    reveal: emptyReveal(),
  };
  if (fields.policy !== undefined) entry.policy = fields.policy;
  return entry;
}

export const INTERRUPTED_ERROR: EntryError = {
  kind: 'interrupted',
  message: 'The answer was cut off: the page was closed or reloaded while it was arriving.',
  hint: 'Everything received before that is kept. Ask again for the complete solution.',
};

/** The error kind of a problem the built-in solver declined: not a failure, it needs a model (or a pasted answer). */
export const SOLVER_DECLINED_KIND = 'solver';

/** True when the entry is a problem the built-in solver declined, so it is labelled "Needs a model", not "Failed". */
export function needsModel(entry: Pick<HistoryEntry, 'status' | 'error'>): boolean {
  return entry.status === 'failed' && entry.error?.kind === SOLVER_DECLINED_KIND;
}

export type EntryCheck =
  | { ok: true; entry: HistoryEntry; repaired: string[] }
  | { ok: false; reason: string; newer?: boolean };

type Raw = Record<string, unknown>;

/** Upgrades older stored shapes, one version at a time. Version 0 is anything written without `v`. */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  0: (raw) => ({ ...raw, v: 1 }),
  // v2 only adds an optional field: older entries were never checked, so they simply have none.
  1: (raw) => ({ ...raw, v: 2 }),
  // v3 adds optional fields too: an older entry has no tutor progress and follows the student's setting.
  2: (raw) => ({ ...raw, v: 3 }),
};

/**
 * Validates a stored entry. Anything that still has an id and a problem is kept, with broken fields reset to
 * safe defaults (listed in `repaired`); a stream that was still open when the page closed becomes
 * `interrupted`. Entries from a newer version are refused so they are not overwritten with a lossy copy.
 */
export function checkEntry(value: unknown): EntryCheck {
  if (!isRecord(value)) return { ok: false, reason: 'not an object' };
  let raw: Raw = value;
  const version = raw.v === undefined ? 0 : raw.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, reason: `unknown version ${JSON.stringify(version)}` };
  }
  if (version > HISTORY_VERSION) return { ok: false, reason: `saved by a newer version (v${version})`, newer: true };
  for (let v = version; v < HISTORY_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return { ok: false, reason: `no migration from v${v}` };
    raw = migrate(raw);
  }

  if (typeof raw.id !== 'string' || raw.id === '') return { ok: false, reason: 'no id' };
  if (typeof raw.problem !== 'string') return { ok: false, reason: 'no problem text' };

  const repaired: string[] = [];
  const field = <T>(name: string, ok: (x: unknown) => x is T, fallback: T): T => {
    const x = raw[name];
    if (ok(x)) return x;
    repaired.push(name);
    return fallback;
  };

  const createdAt = field('createdAt', isTime, 0);
  const entry: HistoryEntry = {
    v: HISTORY_VERSION,
    id: raw.id,
    createdAt,
    updatedAt: field('updatedAt', isTime, createdAt),
    problem: raw.problem,
    source: field('source', isSource, 'paste'),
    model: field('model', isString, ''),
    answer: field('answer', isString, ''),
    reasoning: field('reasoning', isString, ''),
    solution: field('solution', isSolutionOrNull, null),
    status: field('status', isStatus, 'done'),
    error: field('error', isErrorOrNull, null),
    truncated: field('truncated', isBoolean, false),
    reveal: field('reveal', isReveal, emptyReveal()),
  };
  if (raw.validated !== undefined) {
    if (isValidation(raw.validated)) entry.validated = raw.validated;
    else repaired.push('validated');
  }
  if (raw.tutor !== undefined) {
    const tutor = readProgress(raw.tutor);
    if (tutor) entry.tutor = tutor;
    if (!tutor || JSON.stringify(tutor) !== JSON.stringify(raw.tutor)) repaired.push('tutor');
  }
  if (raw.policy !== undefined) {
    if (isRevealPolicy(raw.policy)) entry.policy = raw.policy;
    else repaired.push('policy');
  }
  if (entry.status === 'streaming') {
    entry.status = 'interrupted';
    entry.error = INTERRUPTED_ERROR;
  }
  return { ok: true, entry, repaired };
}

function isRecord(x: unknown): x is Raw {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
const isString = (x: unknown): x is string => typeof x === 'string';
const isBoolean = (x: unknown): x is boolean => typeof x === 'boolean';
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isSource = (x: unknown): x is EntrySource => x === 'model' || x === 'builtin' || x === 'paste';
const isStatus = (x: unknown): x is EntryStatus =>
  x === 'streaming' || x === 'done' || x === 'stopped' || x === 'failed' || x === 'interrupted';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function isErrorOrNull(x: unknown): x is EntryError | null {
  if (x === null) return true;
  return (
    isRecord(x) &&
    isString(x.kind) &&
    isString(x.message) &&
    isString(x.hint) &&
    (x.retryAfterSeconds === undefined || isCount(x.retryAfterSeconds))
  );
}

function isValidation(x: unknown): x is Validation {
  return isRecord(x) && (x.status === 'agrees' || (x.status === 'disagrees' && isString(x.solverAnswer) && x.solverAnswer !== ''));
}

function isReveal(x: unknown): x is RevealState {
  return (
    isRecord(x) &&
    isCount(x.shown) &&
    isBoolean(x.all) &&
    Array.isArray(x.collapsed) &&
    x.collapsed.every(isCount)
  );
}

const isSpan = (x: unknown): boolean => Array.isArray(x) && x.length === 2 && x.every(isCount);
const isPartOrNull = (x: unknown): boolean => x === null || (isRecord(x) && isString(x.text) && isSpan(x.source));

function isSolutionOrNull(x: unknown): x is Solution | null {
  if (x === null) return true;
  if (!isRecord(x) || !Array.isArray(x.steps)) return false;
  const stepsOk = x.steps.every(
    (s: unknown) => isRecord(s) && isString(s.title) && isString(s.body) && isSpan(s.source) && isBoolean(s.complete),
  );
  const noteOk = !isRecord(x.answer) || x.answer.note === undefined || isString(x.answer.note);
  return stepsOk && noteOk && isPartOrNull(x.preamble) && isPartOrNull(x.thinking) && isPartOrNull(x.answer);
}

/** Newest first; ties by id so the order is stable. */
export function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * One line for lists and titles: the problem without its formulas' delimiters, shortened. Which dollars delimit
 * a formula is the parser's rule, so a price keeps its `$` ("A shirt costs $20").
 */
export function entryTitle(problem: string, max = 90): string {
  const flat = inlinePlainText(problem);
  if (flat === '') return 'Untitled problem';
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
