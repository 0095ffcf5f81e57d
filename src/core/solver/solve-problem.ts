/**
 * The built-in solver: reads a problem, picks the method, writes a worked solution, checks every step, and
 * either returns the solution or declines. It never returns an unchecked answer.
 */
import * as R from './rational.ts';
import { type Expr, type Rel, tex, relTex, contains, variablesInOrder, variables, v, opTex, substitute } from './expr.ts';
import { readProblem, type Task } from './read-problem.ts';
import { Work, type Result, intervalTex, stateTex } from './work.ts';
import { type Ctx, nfOf, simplify, hasDecimal, hasRoot } from './algebra.ts';
import { evaluateArithmetic, isPlainArithmetic, NotArithmetic } from './evaluate-arithmetic.ts';
import { simplifyWithSteps, distributeShown } from './simplify-expression.ts';
import { factorisation } from './factor-polynomial.ts';
import { factorWithSteps } from './factor-steps.ts';
import { solveEquation, CannotSolve } from './solve-equation.ts';
import { solveInequality } from './solve-inequality.ts';
import { solveSystem } from './solve-system.ts';
import { differentiateWithSteps } from './differentiate.ts';
import { Unsupported, isOnePoly } from './normal-form.ts';
import { DomainError } from './evaluate.ts';
import { MathSyntaxError } from './parse-math.ts';
import { hasNegativeExponent, stateExcludedValues } from './answer-forms.ts';
import type { Solution } from '../solution/solution.ts';

export const CANNOT = "The built-in solver can't do this one — connect a model to get a worked solution.";

export interface Solved {
  ok: true;
  solution: Solution;
  /** The final answer as LaTeX. */
  latex: string;
  /** The same solution as Markdown in the app's answer format (the Solution's spans point into it). */
  markdown: string;
  result: Result;
  work: Work;
  task: Task;
}
export type Outcome = Solved | { ok: false; reason: string; detail: string };

const decline = (detail: string): Outcome => ({ ok: false, reason: CANNOT, detail });

export function solveDetailed(problem: string): Outcome {
  const read = readProblem(problem);
  if (!read.ok) return decline(read.reason);
  const task = read.task;
  // "What is the remainder when $301^4$ is divided by …": solving the math alone would answer another question.
  if (task.unreadWords.length > 0) return decline(`the problem also says "${task.unreadWords.slice(0, 4).join(' ')}", which the built-in solver does not understand`);
  try {
    return run(task);
  } catch (e) {
    if (e instanceof Unsupported || e instanceof NotArithmetic || e instanceof CannotSolve || e instanceof DomainError || e instanceof MathSyntaxError) {
      return decline(e.message);
    }
    if (e instanceof RangeError) return decline(e.message);
    throw e;
  }
}

function orderOf(task: Task): string[] {
  const out: string[] = [];
  for (const it of task.items) for (const x of variablesInOrder(it.kind === 'expr' ? it.expr : it.rel)) if (!out.includes(x)) out.push(x);
  return out;
}

/** e written as the base of a power (e^x) is Euler's number, unless e is the unknown asked for. */
function eulerize(task: Task): Task {
  if (task.variable === 'e') return task;
  const onlyAsBase = (x: Expr, asBase = false): boolean => {
    switch (x.t) {
      case 'var':
        return x.name !== 'e' || asBase;
      case 'pow':
        return onlyAsBase(x.base, true) && onlyAsBase(x.exp);
      case 'add':
      case 'mul':
      case 'fn':
        return x.args.every((a) => onlyAsBase(a));
      case 'neg':
        return onlyAsBase(x.arg);
      case 'div':
        return onlyAsBase(x.num) && onlyAsBase(x.den);
      default:
        return true;
    }
  };
  const all = task.items.map((i) => (i.kind === 'expr' ? [i.expr] : [i.rel.lhs, i.rel.rhs])).flat();
  if (!all.some((x) => variables(x).has('e')) || !all.every((x) => onlyAsBase(x))) return task;
  const E: Expr = { t: 'const', name: 'e' };
  const fix = (x: Expr) => substitute(x, { e: E });
  return { ...task, items: task.items.map((i) => (i.kind === 'expr' ? { kind: 'expr', expr: fix(i.expr) } : { kind: 'rel', rel: { ...i.rel, lhs: fix(i.rel.lhs), rhs: fix(i.rel.rhs) } })) };
}

function run(task0: Task): Outcome {
  const task = eulerize(task0);
  const order = orderOf(task);
  const all = task.items.map((i) => (i.kind === 'expr' ? i.expr : i.rel));
  const anyDecimal = all.some((x) => ('op' in x ? hasDecimal(x.lhs) || hasDecimal(x.rhs) : hasDecimal(x)));
  const anyRoot = all.some((x) => ('op' in x ? hasRoot(x.lhs) || hasRoot(x.rhs) : hasRoot(x)));
  const ctx: Ctx = { order, decimals: anyDecimal, radicals: anyRoot && !task.assumePositive };
  const rels = task.items.filter((i) => i.kind === 'rel').map((i) => (i as { rel: Rel }).rel);
  const exprs = task.items.filter((i) => i.kind === 'expr').map((i) => (i as { expr: Expr }).expr);

  if (rels.length >= 2 && exprs.length === 0) {
    const w = new Work({ kind: 'system', rels });
    w.vars = order;
    notGraphing(task, w, 'the lines meet');
    const result = solveSystem(rels, w, ctx, task);
    return finish(w, result, task, `Solve the system $${stateTex({ kind: 'system', rels })}$${task.method ? ` by ${task.method}` : ''}.`, ctx);
  }
  if (rels.length === 1 && exprs.length === 0) {
    const rel = rels[0]!;
    const x = pickVariable(task, rel);
    if (!x) return decline('there is no unknown to solve for');
    if (task.action === 'derivative') return decline('a derivative of an equation');
    if (rel.op === '=') {
      const w = new Work({ kind: 'eqs', rels: [rel] });
      w.vars = order;
      notGraphing(task, w, 'the graph of the left side meets the graph of the right side');
      const result = solveEquation(rel, x, w, ctx, task.method);
      return finish(w, result, task, `Solve $${relTex(rel)}$ for $${x}$.`, ctx);
    }
    const w = new Work({ kind: 'ineq', rel });
    w.vars = order;
    const result = solveInequality(rel, x, w, ctx, !!task.interval);
    return finish(w, result, task, `Solve the inequality $${relTex(rel)}$${task.interval ? ' and write the solution in interval notation' : ''}.`, ctx);
  }
  if (exprs.length !== 1 || rels.length !== 0) return decline('more than one expression');
  const e = exprs[0]!;
  const w = new Work({ kind: 'expr', expr: e });
  w.vars = order;
  let action = task.action;
  if (action === 'solve') return decline('nothing to solve: there is no equation');
  if (action === 'derivative') {
    const x = task.variable ?? pickDerivVar(e, order);
    if (!x) return decline('no variable to differentiate with respect to');
    const dctx = ctx;
    const result = differentiateWithSteps(e, x, task.derivativeOrder ?? 1, w, dctx, task.functionName);
    const name = task.functionName;
    const what = name
      ? `Find $${derivName(name, x, task.derivativeOrder ?? 1)}$ for $${name === 'y' ? 'y' : `${name}(${x})`} = ${tex(e)}$.`
      : `Find the ${ordinal(task.derivativeOrder ?? 1)}derivative of $${tex(e)}$ with respect to $${x}$.`;
    return finish(w, result, task, what, dctx);
  }
  const numeric = variables(e).size === 0;
  if (action === 'auto' || action === 'evaluate') {
    if (numeric && isPlainArithmetic(e)) action = 'evaluate';
    else if (numeric) action = 'simplify';
    else if (action === 'evaluate') action = 'simplify';
    else action = autoAction(e, ctx);
  }
  switch (action) {
    case 'evaluate': {
      const value = evaluateArithmetic(e, w);
      return finish(w, { kind: 'expr', expr: value }, task, `Work out $${tex(e)}$.`, ctx);
    }
    case 'factor': {
      const n = nfOf(e, ctx);
      if (!isOnePoly(n.den)) return decline('factoring a fraction');
      const simplified = simplify(e, ctx);
      const termCount = (x: Expr) => (x.t === 'add' ? x.args.length : 1);
      const needs = termCount(simplified) !== termCount(e) || contains(e, (x) => (x.t === 'mul' && x.args.some((a) => a.t === 'add')) || (x.t === 'pow' && x.base.t === 'add'));
      if (needs && tex(simplified) !== tex(e)) {
        w.step('Simplify first').text('Multiply out and combine like terms:').to({ kind: 'expr', expr: simplified });
      }
      const out = factorWithSteps(n.num, w, ctx);
      if (!out) return decline('this polynomial is outside what the built-in solver factors');
      return finish(w, { kind: 'expr', expr: out }, task, `Factor $${tex(e)}$.`, ctx);
    }
    case 'expand':
    case 'simplify': {
      const out = simplifyWithSteps(e, w, ctx, { mode: action });
      if (w.chain.length === 1 || sameTerms(out, e)) {
        if (!/[()]/.test(task.source)) return decline('this expression is already simplified; say what to do with it (solve, factor, expand, differentiate …)');
        if (w.chain.length === 1) w.step('Remove the parentheses').text('The parentheses do not change anything here, so they can be dropped:').to({ kind: 'expr', expr: out });
      }
      if (task.forms.includes('positive-exponents') && hasNegativeExponent(out)) return decline('the answer could not be written with positive exponents');
      const excluded = task.forms.includes('excluded-values') ? stateExcludedValues(e, w, ctx) : '';
      return finish(w, { kind: 'expr', expr: out }, task, `${action === 'expand' ? 'Expand' : 'Simplify'} $${tex(e)}$${task.assumePositive ? ' (all letters positive)' : ''}.`, ctx, excluded);
    }
    default:
      return decline(`unknown action ${action}`);
  }
}

/** "Solve by graphing": the engine draws no graphs, so it says it solves algebraically instead. */
function notGraphing(task: Task, w: Work, where: string): void {
  if (task.method === 'graphing') w.step('Choose the method').text(`The built-in solver cannot draw graphs, so it solves algebraically; the solutions are where ${where}.`);
}

/** The same terms, perhaps in another order. */
function sameTerms(a: Expr, b: Expr): boolean {
  const terms = (e: Expr) => (e.t === 'add' ? e.args : [e]).map((t) => tex(t)).sort().join('|');
  return terms(a) === terms(b);
}

/** With no instruction: multiply out products, factor a collected polynomial that factors, else simplify. */
function autoAction(e: Expr, ctx: Ctx): 'expand' | 'factor' | 'simplify' {
  const s = simplify(e, ctx);
  const n = nfOf(e, ctx);
  if (tex(s) === tex(e) && isOnePoly(n.den) && n.num.terms.length > 1) {
    const fz = factorisation(n.num, ctx);
    if (fz && (fz.factors.length > 1 || fz.factors.some((f) => f.mult > 1) || fz.xPow > 0 || !R.isOne(R.qabs(fz.k)) || fz.yPow > 0)) return 'factor';
  }
  const top = e.t === 'neg' ? e.arg : e;
  if (distributeShown(top, ctx) && !contains(e, (x) => x.t === 'div')) return 'expand';
  return 'simplify';
}

function pickVariable(task: Task, rel: Rel): string | null {
  if (task.variable) return task.variable;
  const vs = variablesInOrder(rel);
  return vs[0] ?? null;
}

function pickDerivVar(e: Expr, order: string[]): string | null {
  const vs = order.filter((x) => x !== 'e' || order.length === 1);
  if (vs.includes('x')) return 'x';
  return vs[0] ?? null;
}

const ordinal = (n: number) => (n === 1 ? '' : n === 2 ? 'second ' : n === 3 ? 'third ' : `${n}th `);

function derivName(name: string, x: string, order: number): string {
  if (name === 'y') return order === 1 ? `\\frac{dy}{d${x}}` : `\\frac{d^{${order}}y}{d${x}^{${order}}}`;
  return `${name}${"'".repeat(order)}(${x})`;
}

/** Answer LaTeX for a result. */
export function resultTex(r: Result, ctx: Ctx): string {
  switch (r.kind) {
    case 'expr':
      return tex(r.expr);
    case 'solutions':
      if (r.values.length === 0) return '\\text{no solution}';
      return r.values.map((x) => `${r.v} = ${tex(x)}`).join(',\\quad ');
    case 'all':
      return `\\text{all real numbers } ${r.v}`;
    case 'tuple':
      return r.vars.length === 1
        ? `${r.vars[0]} = ${tex(r.values[0]!)}`
        : `(${r.vars.join(', ')}) = (${r.values.map(tex).join(', ')})`;
    case 'ineq':
      return `${relTex(r.rel)}`;
    case 'system-none':
      return '\\text{no solution}';
    case 'system-many':
      return `\\text{infinitely many solutions: } ${r.rels.map(relTex).join(',\\ ')}`;
  }
  void ctx;
}

function finish(w: Work, result: Result, task: Task, preamble: string, ctx: Ctx, conditions = ''): Outcome {
  const failure = w.verify();
  if (failure) return decline(`a step did not check out (${failure})`);
  let latex = resultTex(result, ctx);
  if (conditions) latex += `,\\quad ${conditions}`;
  if (result.kind === 'ineq' && task.interval) latex = intervalTex(result.interval);
  const { solution, markdown } = w.toSolution(latex, preamble);
  return { ok: true, solution, latex, markdown, result, work: w, task };
}

export { intervalTex, opTex, v };
