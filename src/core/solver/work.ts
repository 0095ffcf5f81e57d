/**
 * A worked solution while it is being written: the steps a student reads, and underneath them the chain of
 * mathematical states (problem → … → answer) with the claim linking each state to the one before. Every claim is
 * checked by verify.ts before the solution is shown; one failed check and the solver declines.
 */
import { type Expr, type Rel, relTex, tex, sub, mul, variables } from './expr.ts';
import { sameExpr, sameEquations, sameInequality, proportional } from './verify.ts';
import { linearRow, rref } from './linear-system.ts';
import type { Solution, Step } from '../solution/solution.ts';

export type State =
  | { kind: 'expr'; expr: Expr }
  /** One equation, or several joined by "or". */
  | { kind: 'eqs'; rels: Rel[] }
  | { kind: 'ineq'; rel: Rel }
  /** x in (lo, hi); null ends are infinite. */
  | { kind: 'interval'; v: string; lo: Expr | null; hi: Expr | null; loClosed: boolean; hiClosed: boolean }
  /** Linear equations that all hold. */
  | { kind: 'system'; rels: Rel[] };

export type Link =
  | { kind: 'same'; mult?: number[] }
  /** The new expression is the derivative of the old one. */
  | { kind: 'derivative'; v: string }
  /** Both sides were multiplied by `by` (not zero for any allowed value). */
  | { kind: 'multiply'; by: Expr }
  /** Solutions dropped because they make a denominator of the problem zero. */
  | { kind: 'exclude'; values: Expr[] };

export interface ChainItem {
  state: State;
  link: Link | null;
}

export interface Claim {
  what: string;
  ok: () => boolean;
}

interface StepDraft {
  title: string;
  lines: string[];
}

/** The final answer in structured form, for checking against other answers. */
export type Result =
  | { kind: 'expr'; expr: Expr }
  | { kind: 'solutions'; v: string; values: Expr[]; realOnly?: boolean; note?: string }
  | { kind: 'all'; v: string }
  | { kind: 'tuple'; vars: string[]; values: Expr[] }
  | { kind: 'ineq'; rel: Rel; interval: State & { kind: 'interval' } }
  | { kind: 'system-none' }
  | { kind: 'system-many'; rels: Rel[] };

export class Work {
  readonly chain: ChainItem[] = [];
  readonly claims: Claim[] = [];
  private readonly steps: StepDraft[] = [];
  /** Variables of the problem, so sample points cover parameters that cancel out. */
  vars: string[] = [];

  constructor(readonly problem: State) {
    this.chain.push({ state: problem, link: null });
  }

  get current(): State {
    return this.chain.at(-1)!.state;
  }

  step(title: string): this {
    this.steps.push({ title, lines: [] });
    return this;
  }

  private get draft(): StepDraft {
    const d = this.steps.at(-1);
    if (!d) throw new Error('no step started');
    return d;
  }

  text(md: string): this {
    this.draft.lines.push(md);
    return this;
  }

  display(latex: string): this {
    this.draft.lines.push(`$$\n${latex}\n$$`);
    return this;
  }

  /** Move the chain to a new state, shown as display math. */
  to(state: State, link: Link = { kind: 'same' }, shown?: string): this {
    this.chain.push({ state, link });
    const latex = shown ?? stateTex(state);
    if (latex) this.display(latex);
    return this;
  }

  /** A side fact the step relies on (a derivative of one part, a discriminant value); it is checked too. */
  claim(what: string, ok: () => boolean): this {
    this.claims.push({ what, ok });
    return this;
  }

  claimEqual(a: Expr, b: Expr, what = `${tex(a)} = ${tex(b)}`): this {
    return this.claim(what, () => sameExpr(a, b, this.vars));
  }

  /** A stated derivative (u′ = …) of part of the function. */
  claimDerivative(f: Expr, d: Expr, x: string): this {
    return this.claim(`d/d${x} ${tex(f)} = ${tex(d)}`, () => sameExpr(d, { t: 'deriv', arg: f, v: x, order: 1 }, [...this.vars, x]));
  }

  /** Check the whole chain and every claim. Returns the first failure, or null. */
  verify(): string | null {
    for (let i = 1; i < this.chain.length; i++) {
      const prev = this.chain[i - 1]!;
      const next = this.chain[i]!;
      if (!checkLink(prev.state, next.state, next.link!, this.vars)) return `step ${i}: ${describe(prev.state)} → ${describe(next.state)}`;
    }
    for (const c of this.claims) if (!c.ok()) return `claim failed: ${c.what}`;
    return null;
  }

  toSolution(answerTex: string, preamble: string | null): { solution: Solution; markdown: string } {
    let md = '';
    let preamblePart: Solution['preamble'] = null;
    if (preamble) {
      preamblePart = { text: preamble, source: [0, preamble.length] };
      md += preamble + '\n\n';
    }
    const steps: Step[] = this.steps.map((s, i) => {
      const heading = `## Step ${i + 1}: ${s.title}\n`;
      const body = s.lines.join('\n');
      const start = md.length;
      md += heading + body;
      const end = md.length;
      md += '\n\n';
      return { title: s.title, body, source: [start, end], complete: true };
    });
    const answerBlock = `## Answer\n$$\n\\boxed{${answerTex}}\n$$`;
    const aStart = md.length + answerBlock.indexOf('\\boxed');
    md += answerBlock;
    return {
      solution: {
        preamble: preamblePart,
        steps,
        answer: { text: answerTex, source: [aStart, aStart + `\\boxed{${answerTex}}`.length] },
        thinking: null,
      },
      markdown: md,
    };
  }
}

export function stateTex(s: State): string {
  switch (s.kind) {
    case 'expr':
      return tex(s.expr);
    case 'eqs':
      return s.rels.length === 0 ? '\\text{no solution}' : s.rels.map(relTex).join(' \\quad\\text{or}\\quad ');
    case 'ineq':
      return relTex(s.rel);
    case 'interval':
      return intervalTex(s);
    case 'system':
      return `\\begin{cases} ${s.rels.map(relTex).join(' \\\\ ')} \\end{cases}`;
  }
}

export function intervalTex(s: State & { kind: 'interval' }): string {
  const lo = s.lo ? tex(s.lo) : '-\\infty';
  const hi = s.hi ? tex(s.hi) : '\\infty';
  return `${s.lo && s.loClosed ? '[' : '('}${lo}, ${hi}${s.hi && s.hiClosed ? ']' : ')'}`;
}

function describe(s: State): string {
  return `${s.kind} ${stateTex(s)}`;
}

/** Is `next` what `link` says it is, given `prev`? */
export function checkLink(prev: State, next: State, link: Link, vars: string[] = []): boolean {
  switch (link.kind) {
    case 'derivative':
      return prev.kind === 'expr' && next.kind === 'expr' && sameExpr(next.expr, { t: 'deriv', arg: prev.expr, v: link.v, order: 1 }, [...vars, link.v]);
    case 'multiply': {
      if (prev.kind !== 'eqs' || next.kind !== 'eqs' || prev.rels.length !== 1 || next.rels.length !== 1) return false;
      const f = sub(prev.rels[0]!.lhs, prev.rels[0]!.rhs);
      const g = sub(next.rels[0]!.lhs, next.rels[0]!.rhs);
      return proportional(g, mul(f, link.by), vars) !== null;
    }
    case 'exclude': {
      if (prev.kind !== 'eqs' || next.kind !== 'eqs') return false;
      const before = prev.rels.map((r) => r.rhs);
      const after = next.rels.map((r) => r.rhs);
      const has = (list: Expr[], x: Expr) => list.some((y) => sameExpr(x, y));
      return after.every((x) => has(before, x)) && before.every((x) => has(after, x) || has(link.values, x));
    }
    case 'same':
      break;
  }
  if (prev.kind === 'expr' && next.kind === 'expr') return sameExpr(prev.expr, next.expr, vars);
  if (prev.kind === 'eqs' && next.kind === 'eqs') return sameEquations(prev.rels, next.rels, link.mult, vars);
  if (prev.kind === 'ineq' && next.kind === 'ineq') return sameInequality(prev.rel, next.rel, vars);
  if (prev.kind === 'ineq' && next.kind === 'interval') return intervalMatches(prev.rel, next);
  if (prev.kind === 'system' && next.kind === 'system') return sameLinearSystem(prev.rels, next.rels);
  return false;
}

/** The interval is exactly the solution set of the (solved) inequality "v op bound" or "bound op v". */
function intervalMatches(r: Rel, iv: State & { kind: 'interval' }): boolean {
  const isVar = (e: Expr) => e.t === 'var' && e.name === iv.v;
  let op = r.op;
  let bound: Expr;
  if (isVar(r.lhs)) bound = r.rhs;
  else if (isVar(r.rhs)) {
    bound = r.lhs;
    op = ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=', '=': '=' } as const)[op];
  } else return false;
  if (op === '<' || op === '<=') return iv.lo === null && iv.hi !== null && sameExpr(iv.hi, bound) && iv.hiClosed === (op === '<=');
  if (op === '>' || op === '>=') return iv.hi === null && iv.lo !== null && sameExpr(iv.lo, bound) && iv.loClosed === (op === '>=');
  return false;
}

// Linear systems: same solution set ⇔ same reduced row echelon form of the augmented matrix
// (or both inconsistent).
function sameLinearSystem(a: Rel[], b: Rel[]): boolean {
  const vars = [...new Set([...a, ...b].flatMap((r) => [...collectVars(r)]))].sort();
  const ra = a.map((r) => linearRow(r, vars));
  const rb = b.map((r) => linearRow(r, vars));
  if (ra.some((x) => !x) || rb.some((x) => !x)) return false;
  const A = rref(ra as NonNullable<(typeof ra)[number]>[]);
  const B = rref(rb as NonNullable<(typeof rb)[number]>[]);
  if (A.inconsistent && B.inconsistent) return true;
  return A.key === B.key;
}

const collectVars = (r: Rel) => variables(r);
