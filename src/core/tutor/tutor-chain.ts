/**
 * A solution read as a chain of math states for "Your turn": the state after each step is the math the step
 * arrives at — its \boxed{…}, else the last state in its display math (for "a = b = c" the state a teacher
 * means, see read-statement.ts), else an inline formula that clearly is its result — or null where the
 * engine reads none. A "Check" step verifies rather than moves on: its state is the answer, so the student is
 * never asked to reproduce a verification.
 */
import type { Solution, Step } from '../solution/solution.ts';
import type { TutorChain } from './types.ts';
import { readStatement, statementVars, type Statement } from './read-statement.ts';
import { analyseProblem, type ProblemInfo } from './problem-analysis.ts';
import { lastBoxed, displayRows } from './math-text.ts';

const CHECK_TITLE = /^\s*(?:check|checking|verify|verification|verifying|check the (?:answer|solution)s?)\b/i;
// The result words before a closing inline formula ("so $x = 4$.", "which gives $2x = 8$").
const RESULT_WORDS = /(?:\bso|\bthus|\bhence|\btherefore|\bgives?|\bget|\bgot|\bobtain|\bbecomes?|\bhave|\bis|\bresult(?:s| is)?(?: in)?|=|:)\s*$/i;

/** Is this statement a state of a chain of this kind (not a side computation such as 2·4 + 3 = 11)? */
function isState(s: Statement, info: ProblemInfo): boolean {
  switch (info.kind) {
    case 'expr':
    case 'derivative':
      return s.kind === 'expr';
    case 'equation':
      return (s.kind === 'eqs' || s.kind === 'all') && (s.kind === 'all' || s.rels.length === 0 || (info.x !== null && statementVars(s).has(info.x)));
    case 'inequality':
      return (s.kind === 'ineq' || s.kind === 'interval') && (s.kind === 'interval' || statementVars(s).size > 0);
    case 'system':
      return (s.kind === 'system' || s.kind === 'eqs') && statementVars(s).size > 0;
    case 'unknown':
      return s.kind !== 'expr' || statementVars(s).size > 0;
  }
}

function readable(text: string, info: ProblemInfo): boolean {
  const s = readStatement(text, info.read);
  return s !== null && isState(s, info);
}

function displayBlocks(body: string): string[] {
  return [...body.matchAll(/\$\$([\s\S]*?)\$\$/g)].map((m) => m[1]!.trim()).filter((b) => b.length > 0);
}

/** A closing inline formula that the last sentence presents as the step's result. */
function inlineResult(body: string, info: ProblemInfo): string | null {
  const last = body.trim().split('\n').at(-1) ?? '';
  const m = /^(.*?)\$([^$]+)\$[\s.!]*$/.exec(last);
  if (!m || !RESULT_WORDS.test(m[1]!.replace(/\*+/g, ''))) return null;
  return readable(m[2]!, info) ? m[2]!.trim() : null;
}

/** The state a step arrives at (LaTeX), or null. */
export function stepState(step: Step, info: ProblemInfo, answer: string | null): string | null {
  const blocks = displayBlocks(step.body);
  if (CHECK_TITLE.test(step.title) && info.kind !== 'expr' && info.kind !== 'derivative') {
    return answer !== null && readStatement(answer, info.read) ? answer : null;
  }
  const boxed = lastBoxed(step.body);
  if (boxed !== null && readable(boxed, info)) return boxed.trim();
  for (const block of [...blocks].reverse()) {
    const { rows, cases } = displayRows(block);
    if (cases && readable(block, info)) return block;
    for (const row of [...rows].reverse()) if (readable(row, info)) return row;
  }
  return blocks.length === 0 ? inlineResult(step.body, info) : null;
}

export function tutorChain(problem: string, solution: Solution, info: ProblemInfo = analyseProblem(problem, solution.answer?.text ?? null)): TutorChain {
  const answer = solution.answer?.text ?? null;
  return { problem, states: solution.steps.map((s) => stepState(s, info, answer)), answer };
}
