/**
 * Runs the solver over the shared dev problems and grades each answer against the source's own answer by
 * mathematical equivalence. Used by the dev-set test and the benchmark; not part of the app bundle.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { solveDetailed, type Outcome } from '../solve-problem.ts';
import { answerMatches } from '../compare-answer.ts';

export interface DevProblem {
  id: string;
  category: string;
  problem_text: string;
  answer: string;
  answer_kind: string;
}

export const DEV_PATH = fileURLToPath(new URL('../../../../../shared/problems/dev.jsonl', import.meta.url));

export function loadDev(path = DEV_PATH): DevProblem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevProblem);
}

export type Grade = 'solved' | 'declined' | 'wrong';

export interface Graded {
  p: DevProblem;
  grade: Grade;
  outcome: Outcome;
  why?: string;
  ms: number;
}

export function grade(p: DevProblem): Graded {
  const t0 = performance.now();
  const outcome = solveDetailed(p.problem_text);
  const ms = performance.now() - t0;
  if (!outcome.ok) return { p, grade: 'declined', outcome, why: outcome.detail, ms };
  const same = answerMatches(outcome.result, p.answer, outcome.task.variable);
  if (same !== true) return { p, grade: 'wrong', outcome, why: same === null ? `could not read source answer ${p.answer}` : `got ${outcome.latex}, source says ${p.answer}`, ms };
  return { p, grade: 'solved', outcome, ms };
}

export function table(rows: Graded[]): string {
  const cats = [...new Set(rows.map((r) => r.p.category))].sort();
  const lines = ['| category | total | solved | declined | wrong | solved % |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  const count = (rs: Graded[], g: Grade) => rs.filter((r) => r.grade === g).length;
  for (const c of [...cats, 'all']) {
    const rs = c === 'all' ? rows : rows.filter((r) => r.p.category === c);
    const s = count(rs, 'solved');
    lines.push(`| ${c} | ${rs.length} | ${s} | ${count(rs, 'declined')} | ${count(rs, 'wrong')} | ${((100 * s) / rs.length).toFixed(1)} |`);
  }
  return lines.join('\n');
}
