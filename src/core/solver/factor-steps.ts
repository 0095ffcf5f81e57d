/**
 * The factoring steps a student reads: the greatest common factor, then one factor at a time the pattern that
 * applies (factor-patterns.ts), the rational roots, or a search for factors of higher degree, until every
 * factor left is irreducible. Each "does not factor further" is a checked claim: the checker's own proof
 * (irreducible-check.ts) or the factor search having finished; without either the solver declines.
 */
import * as R from './rational.ts';
import type { Q } from './rational.ts';
import { type Expr, tex, mul, pow, num, v, negate } from './expr.ts';
import type { Poly } from './normal-form.ts';
import type { Ctx } from './algebra.ts';
import type { Work } from './work.ts';
import { factorisation, factorisationExpr, factorExpr } from './factor-polynomial.ts';
import { factorInteger, divExact, mulPoly, type IntFactor, type IntPoly } from './factor-integer.ts';
import { patternSplit, type Letters, type Split } from './factor-patterns.ts';
import { provedIrreducible } from './irreducible-check.ts';

const key = (cs: IntPoly) => cs.join(',');

/** Writes the factoring steps into `w`; returns the factored form (or the polynomial when it is prime). */
export function factorWithSteps(p: Poly, w: Work, ctx: Ctx): Expr | null {
  const fz = factorisation(p, ctx);
  if (!fz) return null;
  // Without a finished search, only the checker's own proof for every factor left can say it is complete.
  if (!fz.complete && !fz.factors.every((f) => f.cs.length <= 2 || provedIrreducible(f.cs))) return null;
  const L: Letters = { x: fz.x, ...(fz.y ? { y: fz.y } : {}) };
  const gcfParts: Expr[] = [];
  if (fz.xPow > 0) gcfParts.push(fz.xPow === 1 ? v(fz.x) : pow(v(fz.x), fz.xPow));
  if (fz.y && fz.yPow > 0) gcfParts.push(fz.yPow === 1 ? v(fz.y) : pow(v(fz.y), fz.yPow));
  const hasGcf = gcfParts.length > 0 || !R.isOne(fz.k);
  const prim = fz.factors.reduce<IntPoly>((acc, f) => {
    let out = acc;
    for (let i = 0; i < f.mult; i++) out = mulPoly(out, f.cs);
    return out;
  }, [1n]);
  const irreducible = new Set(fz.factors.map((f) => key(f.cs)));
  const wrap = (inner: Expr): Expr => (hasGcf ? timesGcf(fz.k, gcfParts, inner) : inner);
  if (hasGcf) {
    const nothingMore = prim.length <= 2 || (fz.factors.length === 1 && fz.factors[0]!.mult === 1);
    const kExpr = gcfExpr(fz.k, gcfParts);
    w.step('Take out the greatest common factor')
      .text(`Every term is divisible by $${tex(kExpr)}$, so factor it out:`)
      .to({ kind: 'expr', expr: nothingMore ? factorisationExpr(fz) : wrap(factorExpr({ cs: prim, mult: 1 }, fz.x, fz.y)) });
  }
  let nodes: IntFactor[] = prim.length > 1 ? [{ cs: prim, mult: 1 }] : [];
  const product = (list: IntFactor[], replaced?: { at: number; by: Expr }): Expr => {
    const es = list.map((f, i) => {
      const e = replaced && replaced.at === i ? replaced.by : factorExpr(f, fz.x, fz.y);
      return f.mult === 1 ? e : pow(e, f.mult);
    });
    return wrap(es.length === 1 ? es[0]! : mul(...es));
  };
  for (let guard = 0; guard < 24; guard++) {
    const at = nodes.findIndex((f) => f.cs.length > 2 && !irreducible.has(key(f.cs)));
    if (at < 0) break;
    const node = nodes[at]!;
    const split = patternSplit(node.cs, L) ?? rootsSplit(node.cs, L) ?? searchSplit(node.cs);
    if (!split) return null;
    split.steps.forEach((s) => {
      w.step(s.title).text(s.text);
      for (const show of s.shows) w.to({ kind: 'expr', expr: product(nodes, { at, by: show }) });
    });
    nodes = replaceNode(nodes, at, split.parts);
    w.to({ kind: 'expr', expr: product(nodes) });
  }
  for (const f of nodes) {
    if (f.cs.length <= 2) continue;
    const fe = factorExpr(f, fz.x, fz.y);
    const proof = provedIrreducible(f.cs);
    w.step('Check for further factors').text(fz.complete ? irreducibleText(f.cs, fe, L) : modPrimeText(fe));
    w.claim(`${tex(fe)} does not factor over the rationals`, () => irreducible.has(key(f.cs)) && (proof || fz.complete));
  }
  const final = factorisationExpr(fz);
  if (w.current.kind !== 'expr' || tex(w.current.expr) !== tex(final)) {
    w.step('Write the factored form').text('Putting the factors together:').to({ kind: 'expr', expr: final });
  }
  return final;
}

function irreducibleText(cs: IntPoly, fe: Expr, L: Letters): string {
  const n = cs.length - 1;
  if (n === 2) {
    const D = cs[1]! * cs[1]! - 4n * cs[0]! * cs[2]!;
    if (L.y) {
      // In two letters, "b² − 4ac" would clash with the letters: name the quadratic in t = x/y instead.
      const t = factorExpr({ cs, mult: 1 }, 't');
      return `Dividing by $${L.y}^{2}$ leaves the quadratic $${tex(t)}$ in $t = \\frac{${L.x}}{${L.y}}$, whose discriminant is $${tex(num(D))}$, not a perfect square, so $${tex(fe)}$ does not factor over the rational numbers.`;
    }
    return `For $${tex(fe)}$ the discriminant is $b^2 - 4ac = ${tex(num(D))}$, which is not a perfect square, so it does not factor over the rational numbers.`;
  }
  if (n === 3) return `$${tex(fe)}$ has no rational roots, and a cubic that factors has a linear factor, so it does not factor further over the rational numbers.`;
  const degs = Array.from({ length: Math.floor(n / 2) - 1 }, (_, i) => i + 2);
  const names = degs.map((d) => (d === 2 ? 'quadratic' : d === 3 ? 'cubic' : `degree-${d}`)).join(' or ');
  return (
    `$${tex(fe)}$ has no rational roots, so no linear factor. A ${names} factor with integer coefficients would have values ` +
    `dividing this polynomial's values at every whole number; trying every such candidate (Kronecker's method) finds none, so it does not factor further over the rational numbers.`
  );
}

function modPrimeText(fe: Expr): string {
  return (
    `$${tex(fe)}$ does not factor over the rational numbers: reduced modulo small primes, its factors there have degrees ` +
    'that no split into two polynomials with integer coefficients could give.'
  );
}

/** Put `parts` (times the node's multiplicity) where the node was, merging equal factors. */
function replaceNode(nodes: IntFactor[], at: number, parts: IntFactor[]): IntFactor[] {
  const mult = nodes[at]!.mult;
  const out: IntFactor[] = [];
  const add = (f: IntFactor) => {
    const prev = out.find((g) => key(g.cs) === key(f.cs));
    if (prev) prev.mult += f.mult;
    else out.push({ cs: f.cs, mult: f.mult });
  };
  nodes.forEach((f, i) => (i === at ? parts.forEach((p) => add({ cs: p.cs, mult: p.mult * mult })) : add(f)));
  return out;
}

/** Linear factors from rational roots, and what is left after dividing them out. */
function rootsSplit(cs: IntPoly, L: Letters): Split | null {
  const linear = factorInteger(cs).factors.filter((f) => f.cs.length === 2);
  if (linear.length === 0) return null;
  let rest: IntPoly | null = cs;
  for (const f of linear) for (let i = 0; i < f.mult && rest; i++) rest = divExact(rest, f.cs);
  if (!rest) return null;
  const parts = rest.length > 1 ? [...linear, { cs: rest, mult: 1 }] : linear;
  const roots = linear.map((f) => tex(num(R.q(-f.cs[0]!, f.cs[1]!))));
  const many = roots.length > 1;
  return {
    steps: [
      {
        title: 'Find the rational roots',
        text:
          `By the rational root theorem, try $\\pm\\frac{\\text{factors of } ${cs[0]}}{\\text{factors of } ${cs.at(-1)}}$. ` +
          `The value${many ? 's' : ''} $${L.y ? `\\frac{${L.x}}{${L.y}}` : L.x} = ${roots.join(', ')}$ make${many ? '' : 's'} the polynomial zero, so each gives a factor; dividing them out leaves the rest:`,
        shows: [],
      },
    ],
    parts,
  };
}

/** No rational roots: the factors of higher degree found by the search. */
function searchSplit(cs: IntPoly): Split | null {
  const found = factorInteger(cs);
  if (!found.complete || (found.factors.length === 1 && found.factors[0]!.mult === 1)) return null;
  return {
    steps: [
      {
        title: 'Look for factors of higher degree',
        text:
          'There are no rational roots, so no linear factor. A factor with integer coefficients takes values that divide the polynomial\'s values at every whole number; ' +
          'trying the candidates through those divisors (Kronecker\'s method) finds these factors (multiply them out to check):',
        shows: [],
      },
    ],
    parts: found.factors,
  };
}

function timesGcf(k: Q, parts: Expr[], inner: Expr): Expr {
  if (parts.length === 0 && R.eq(k, R.MINUS_ONE)) return negate(inner);
  if (R.isNeg(k)) return negate(mul(gcfExpr(R.neg(k), parts), inner));
  return mul(gcfExpr(k, parts), inner);
}

function gcfExpr(k: Q, parts: Expr[]): Expr {
  if (parts.length === 0) return num(k);
  if (R.isOne(k)) return mul(...parts);
  if (R.eq(k, R.MINUS_ONE)) return negate(mul(...parts));
  return mul(num(k), ...parts);
}
