/** Shape checks for a Solution read from an untrusted source (an imported file, storage). */
import type { Solution } from '../solution/solution.ts';

type Raw = Record<string, unknown>;

export const isRecord = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isSpan = (x: unknown): boolean => Array.isArray(x) && x.length === 2 && x.every(isCount);
const isPartOrNull = (x: unknown): boolean => x === null || (isRecord(x) && isString(x.text) && isSpan(x.source));

/** Null when `x` is a well-formed Solution, else the first problem found, for the user's error message. */
export function solutionProblem(x: unknown): string | null {
  if (!isRecord(x)) return 'the solution is not an object';
  if (!Array.isArray(x.steps)) return 'the solution has no list of steps';
  const bad = x.steps.findIndex(
    (s: unknown) => !(isRecord(s) && isString(s.title) && isString(s.body) && isSpan(s.source) && typeof s.complete === 'boolean'),
  );
  if (bad >= 0) return `step ${bad + 1} is malformed`;
  if (!isPartOrNull(x.preamble)) return 'the preamble is malformed';
  if (!isPartOrNull(x.thinking)) return 'the thinking part is malformed';
  if (!isPartOrNull(x.answer)) return 'the final answer is malformed';
  if (isRecord(x.answer) && x.answer.note !== undefined && !isString(x.answer.note)) return 'the final answer note is malformed';
  return null;
}

/** Copies only the known fields, so stray properties in a file never reach the library. */
export function cleanSolution(x: Solution): Solution {
  const part = (p: { text: string; source: [number, number] } | null) => (p ? { text: p.text, source: [p.source[0], p.source[1]] as [number, number] } : null);
  return {
    preamble: part(x.preamble),
    steps: x.steps.map((s) => ({ title: s.title, body: s.body, source: [s.source[0], s.source[1]], complete: s.complete })),
    answer: x.answer
      ? { text: x.answer.text, source: [x.answer.source[0], x.answer.source[1]], ...(x.answer.note !== undefined ? { note: x.answer.note } : {}) }
      : null,
    thinking: part(x.thinking),
  };
}
