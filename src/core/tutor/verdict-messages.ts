/** The words the student reads: short, plain, kind, math in $…$, each starting with its verdict word. */
import { type Expr, tex } from '../solver/expr.ts';
import { VERDICT_WORD } from './types.ts';
import { qTex, type Proof, type Interval } from './equivalence.ts';

const C = VERDICT_WORD.correct;
const W = VERDICT_WORD.wrong;
const U = VERDICT_WORD.unknown;

export const MSG = {
  next: `${C}: that is the next step.`,
  skipped: (steps: number) => `${C}: that skips ahead ${steps === 1 ? 'one step' : `${steps} steps`}.`,
  validCurrent: `${C}: this is equivalent to where you are, but not the next step yet. Keep going.`,
  validEarlier: `${C}, but that is an earlier step. Keep going from where you are.`,
  validProblem: `${C}: this has the same solutions as the problem. Keep going.`,
  final: `${C}: that is the final answer.`,
  finalUnsimplified: `${C}: equivalent to the answer, but not simplified. Simplify it to finish.`,
  checkTrue: `${C}: both sides are equal.`,
  unreadable: `${U} this line: I could not read it as math. Try the hint, or reveal the step.`,
  undecided: `${U} this line: the engine cannot decide whether it follows. Try the hint, or reveal the step.`,
  foreign: (name: string) => `${U} this line: $${name}$ does not appear in the problem.`,
};

export const numericFalse = (l: string, r: string) => `${W}: the two sides are not equal ($${l} \\ne ${r}$).`;

function solutionsText(x: string, set: Expr[] | 'all'): string {
  if (set === 'all') return 'every number as a solution';
  if (set.length === 0) return 'no solution';
  const items = set.map((v) => `$${x} = ${tex(v)}$`);
  return `${set.length === 1 ? 'solution' : 'solutions'} ${items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`}`;
}

function intervalText(x: string, iv: Interval): string {
  const lo = iv.lo && tex(iv.lo);
  const hi = iv.hi && tex(iv.hi);
  if (lo === null && hi === null) return 'every number';
  if (lo === null) return `$${x} ${iv.hiClosed ? '\\le' : '<'} ${hi}$`;
  if (hi === null) return `$${x} ${iv.loClosed ? '\\ge' : '>'} ${lo}$`;
  return `$${lo} ${iv.loClosed ? '\\le' : '<'} ${x} ${iv.hiClosed ? '\\le' : '<'} ${hi}$`;
}

/**
 * The "Not quite" message for a proof. `ref` names what the line was compared with ("the one before it", "the
 * problem", "the derivative"); `solvedForm`: the line gives values (x = 5), so speak of solutions, not equations.
 */
export function wrongMessage(proof: Proof, x: string | null, ref: string, solvedForm: boolean): string {
  const v = x ?? 'x';
  switch (proof.how) {
    case 'sets': {
      if (solvedForm && proof.line !== 'all' && proof.ref !== 'all') {
        const refSet = proof.ref;
        const extra = proof.line.find((a) => !refSet.some((b) => tex(a) === tex(b)));
        if (extra) return `${W}: $${v} = ${tex(extra)}$ is not a solution.`;
        return `${W}: a solution is missing.`;
      }
      return `${W}: this equation has ${solutionsText(v, proof.line)}, ${ref} has ${solutionsText(v, proof.ref).replace(/^solutions? /, '')}.`;
    }
    case 'loses':
      return solvedForm ? `${W}: a solution is missing.` : `${W}: $${v} = ${tex(proof.value)}$ solves ${ref}, but not this equation.`;
    case 'gains':
      return solvedForm ? `${W}: $${v} = ${tex(proof.value)}$ is not a solution.` : `${W}: $${v} = ${tex(proof.value)}$ solves this equation, but not ${ref}.`;
    case 'intervals':
      return `${W}: this inequality has solution ${intervalText(v, proof.line)}, ${ref} has ${intervalText(v, proof.ref)}.`;
    case 'value': {
      // A number-only line: its value against the expected one would give the answer away.
      if (proof.at.length === 0) return `${W}: this is not equal to ${ref}.`;
      const at = proof.at.map(([n, q]) => `${n} = ${qTex(q)}`).join(',\\ ');
      return `${W}: at $${at}$ this gives $${proof.line}$, but ${ref} gives $${proof.ref}$.`;
    }
    case 'system':
      return `${W}: this does not follow from the equations before it.`;
  }
}

export const withHint = (message: string, hint: string | null): string => (hint ? `${message} ${hint}` : message);
