/**
 * Understanding what a problem asks: separating the instruction ("Solve for x", "Factor completely",
 * "Find the first derivative … wrt g", "use substitution") from the math, which may be plain text or
 * LaTeX between $$ … $$ delimiters, as worksheets and students write it.
 */
import { parseMath, splitTopLevel, MathSyntaxError } from './parse-math.ts';
import { type Expr, type Rel, add, sub } from './expr.ts';

export type Action = 'solve' | 'factor' | 'expand' | 'simplify' | 'evaluate' | 'derivative' | 'auto';

export interface Task {
  action: Action;
  /** What the problem gave, in order: expressions or relations. */
  items: ({ kind: 'expr'; expr: Expr } | { kind: 'rel'; rel: Rel })[];
  /** "for p", "wrt g", "Solve for x:", "d/dx". */
  variable?: string;
  method?: 'substitution' | 'elimination';
  interval?: boolean;
  derivativeOrder?: number;
  /** The name of the function being differentiated: f in f(x) = …, y in y = …. */
  functionName?: string;
  /** The math as the problem wrote it (LaTeX or plain), for the restatement. */
  source: string;
  /** The problem said the variable is positive (DeepMind's "assuming a is positive"). */
  assumePositive?: boolean;
  /**
   * Words around the math that are not instruction vocabulary ("remainder", "round", "how many"): the
   * problem may ask something other than what the math alone says, so the solver declines.
   */
  unreadWords: string[];
}

export type ReadResult = { ok: true; task: Task } | { ok: false; reason: string };

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/**
 * Words a worksheet instruction uses around the math without changing what is asked: verbs the solver
 * acts on, methods, answer-format requests and filler. Anything else (remainder, round, maximum, how many,
 * gallons …) may change the question, so the problem is not the math alone.
 */
const INSTRUCTION_WORDS = new Set(
  (
    'a an the and or of in on to for by as if is are be it its into with using use each your you their please what ' +
    'solve solving solution solutions find calculate compute evaluate simplify simplified simplest factor factorise factorize ' +
    'factored completely fully expand multiply write give enter eneter answer answers express result ' +
    'following given exercise exercises problem equation equations inequality inequalities system systems expression ' +
    'expressions polynomial trinomial binomial radical fraction fractions decimal decimals form forms general lowest terms ' +
    'interval notation ordered pair pairs triple substitution subsitution elimination gaussian method ' +
    'derivative derivatives differentiate first second third order higher respect wrt dy dx function functions ' +
    'perfect square squares difference cube pattern where there can more than one no not should keep free ' +
    'spaces space separate separated commas comma correct choose requested parameter parameters component inconsistent ' +
    'further possible possibly variable variables value values roots real numbers whole number natural set ' +
    'leave rationalize rationalise denominator common greatest gcf out fully determine show work step steps'
  ).split(' '),
);

function unreadWordsOf(instruction: string): string[] {
  // Math left in the instruction (a trivial "$t$", a format template "$a+bs+ct$") is not prose.
  let prose = instruction;
  for (const seg of mathSegments(instruction).reverse()) prose = prose.slice(0, seg.start) + ' ' + prose.slice(seg.end);
  const words = prose.toLowerCase().replace(/\\[a-z]+/g, ' ').match(/[a-z]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !INSTRUCTION_WORDS.has(w)))];
}

/** Math segments: $$…$$, \[…\], \(…\), $…$. */
function mathSegments(text: string): { start: number; end: number; body: string }[] {
  const out: { start: number; end: number; body: string }[] = [];
  const re = /\$\$([\s\S]*?)\$\$|\\\[([\s\S]*?)\\\]|\\\(([\s\S]*?)\\\)|\$([^$]+?)\$/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, body: (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim() });
  }
  return out;
}

const TRIVIAL_SEGMENT = /^(?:[a-zA-Z]|\\frac\{d[a-z]?\}\{d[a-z]\}|[a-zA-Z]\s*(?:<|>|\\l[et]q?|\\g[et]q?)\s*[a-zA-Z]|[a-z](?:\s*\\sqrt\{[a-z]\})|[a-z]\+[a-z]+\+[a-z]+)$/;

interface Split {
  math: string[];
  instruction: string;
}

function splitDelimited(text: string): Split | null {
  const segs = mathSegments(text);
  if (segs.length === 0) return null;
  // Prefer lines that are (almost) only math: a worksheet puts the exercise on its own line.
  const lines: { from: number; to: number }[] = [];
  let pos = 0;
  for (const l of text.split('\n')) {
    lines.push({ from: pos, to: pos + l.length });
    pos += l.length + 1;
  }
  const mathLines = lines.filter((ln) => {
    const inLine = segs.filter((s) => s.start >= ln.from && s.end <= ln.to);
    if (inLine.length === 0 || inLine.every((s) => TRIVIAL_SEGMENT.test(s.body))) return false;
    let rest = text.slice(ln.from, ln.to);
    for (const s of [...inLine].reverse()) rest = rest.slice(0, s.start - ln.from) + ' ' + rest.slice(s.end - ln.from);
    return rest.trim().split(/\s+/).filter((w) => /[a-zA-Z]/.test(w)).length <= 3;
  });
  const chosen = (
    mathLines.length > 0 ? segs.filter((s) => mathLines.some((ln) => s.start >= ln.from && s.end <= ln.to)) : segs
  ).filter((s) => !TRIVIAL_SEGMENT.test(s.body));
  if (chosen.length === 0) return null;
  // Segments separated only by spaces belong together ("$$x^2-48$$ $$=$$ $$0$$").
  const groups: string[] = [];
  let prevEnd = -1;
  for (const s of chosen) {
    if (prevEnd >= 0 && /^\s*$/.test(text.slice(prevEnd, s.start))) groups[groups.length - 1] += ` ${s.body}`;
    else groups.push(s.body);
    prevEnd = s.end;
  }
  let instruction = text;
  for (const s of [...chosen].reverse()) instruction = instruction.slice(0, s.start) + ' ' + instruction.slice(s.end);
  // Keep the removed trivial segments' words for the instruction ("find dy/dx").
  for (const s of segs) if (TRIVIAL_SEGMENT.test(s.body) && /frac\{d/.test(s.body)) instruction += ' dy/dx';
  return { math: groups, instruction };
}

interface Instr {
  action?: Action;
  variable?: string;
  method?: 'substitution' | 'elimination';
  interval?: boolean;
  order?: number;
  positive?: boolean;
}

function readInstruction(s: string, into: Instr): void {
  const t = s.toLowerCase();
  if (/deriv|differentiat|\bd\/d[a-z]\b|dy\/dx|\\frac\{d\}/.test(t)) into.action = 'derivative';
  else if (/\bfactor/.test(t)) into.action = 'factor';
  else if (/\bexpand\b|\bmultiply\b|\bsquare each binomial|\bproduct\b/.test(t)) into.action = 'expand';
  else if (/\bsimplify\b|\bcollect\b|\bcombine\b/.test(t)) into.action = 'simplify';
  else if (/\bsolve\b|\bfind\b|\bcalculate [a-z]\b/.test(t)) into.action ??= 'solve';
  else if (/\b(calculate|evaluate|compute|work out|what is)\b/.test(t)) into.action ??= 'evaluate';
  if (/substitution|subsitution/.test(t)) into.method = 'substitution';
  else if (/elimination|eliminate/.test(t)) into.method = 'elimination';
  if (/interval notation/.test(t)) into.interval = true;
  const ord = /\b(first|second|third|fourth)[- ](?:order )?derivative/.exec(t);
  if (ord) into.order = ORDINALS[ord[1]!];
  if (/assuming [a-z] is positive/.test(t)) into.positive = true;
}

/** Plain-text problems: strip the words around the math. */
function splitPlain(text: string, into: Instr): string[] | null {
  let s = text.trim().replace(/\\n$/, '').trim();
  let m: RegExpExecArray | null;
  // DeepMind sentence shapes.
  if ((m = /^(?:let|suppose)\s+(.+?)\.\s*(?:calculate|find|what is|determine|solve for)\s+([a-zA-Z])\s*[.?]?$/i.exec(s))) {
    into.action = 'solve';
    into.variable = m[2];
    return [m[1]!];
  }
  if ((m = /^what is ([a-zA-Z]) in (.+?)\s*\??$/i.exec(s))) {
    into.action = 'solve';
    into.variable = m[1];
    return [m[2]!];
  }
  if ((m = /^find ([a-zA-Z]),? (?:given that|such that|if) (.+?)\s*[.?]?$/i.exec(s))) {
    into.action = 'solve';
    into.variable = m[1];
    return [m[2]!];
  }
  if ((m = /^(?:put together|add|sum|total of|what is) (.+?) and (.+?)\s*[.?]?$/i.exec(s)) && /^(?:put together|add|sum|total of)/i.test(s)) {
    into.action = 'evaluate';
    return [`(${m[1]}) + (${m[2]})`];
  }
  if ((m = /^what is the difference between (.+?) and (.+?)\s*[.?]?$/i.exec(s))) {
    into.action = 'evaluate';
    return [`(${m[2]}) - (${m[1]})`];
  }
  // Trailing qualifiers.
  if ((m = /\s+(?:wrt|with respect to)\s+([a-zA-Z])\s*[.?]?$/i.exec(s))) {
    into.variable = m[1];
    s = s.slice(0, m.index);
  }
  if ((m = /\s+assuming\s+[a-zA-Z]\s+is\s+positive\s*[.?]?$/i.exec(s))) {
    into.positive = true;
    s = s.slice(0, m.index);
  }
  if ((m = /\s+for\s+([a-zA-Z])\s*[.?]?$/i.exec(s)) && /^\s*solve/i.test(s)) {
    into.variable = m[1];
    s = s.slice(0, m.index);
  }
  // Leading instructions.
  const lead: [RegExp, (m: RegExpExecArray) => void][] = [
    [/^use (?:the )?(substitution|subsitution|elimination)(?: method)? to solve(?: for ([a-z])(?: and [a-z])*)?\s*[:.,]?\s*/i, (x) => {
      into.action = 'solve';
      into.method = /elim/i.test(x[1]!) ? 'elimination' : 'substitution';
    }],
    [/^solve (?:the (?:following )?(?:equation|inequality|system(?: of equations)?)\s*)?(?:for ([a-z])\s*)?(?:by (substitution|elimination)\s*)?[:.,]?\s*/i, (x) => {
      into.action = 'solve';
      if (x[1]) into.variable = x[1];
      if (x[2]) into.method = x[2].toLowerCase() as 'substitution' | 'elimination';
    }],
    [/^(?:find|compute|calculate|what is|give) (?:the )?(?:(first|second|third) )?derivative of\s*/i, (x) => {
      into.action = 'derivative';
      if (x[1]) into.order = ORDINALS[x[1].toLowerCase()];
    }],
    [/^(?:differentiate|derive)\s*/i, () => (into.action = 'derivative')],
    [/^d\/d([a-z])\s*/i, (x) => {
      into.action = 'derivative';
      into.variable = x[1];
    }],
    [/^\\frac\s*\{\s*d\s*\}\s*\{\s*d([a-z])\s*\}\s*/, (x) => {
      into.action = 'derivative';
      into.variable = x[1];
    }],
    [/^factor(?:ise|ize)?(?: completely)?(?: the (?:expression|polynomial))?\s*[:.]?\s*/i, () => (into.action = 'factor')],
    [/^(?:expand|multiply out|multiply)(?: the (?:expression|product))?\s*[:.]?\s*/i, () => (into.action = 'expand')],
    [/^(?:simplify|collect the terms in|collect terms in|combine like terms in)\s*[:.]?\s*/i, () => (into.action = 'simplify')],
    [/^(?:calculate|evaluate|compute|work out|what is the value of|what is|find the value of)\s*[:.]?\s*/i, () => (into.action = 'evaluate')],
  ];
  for (const [re, f] of lead) {
    const x = re.exec(s);
    if (x && x[0].length > 0) {
      f(x);
      s = s.slice(x[0].length);
      break;
    }
  }
  s = s.replace(/\s*[.?]\s*$/, '').trim();
  if (/^[.?]*$/.test(s)) return null;
  return [s];
}

export function readProblem(problem: string): ReadResult {
  const text = problem.replace(/\\n/g, '\n').trim();
  if (!text) return { ok: false, reason: 'The problem is empty.' };
  const into: Instr = {};
  let parts: string[];
  let unreadWords: string[] = [];
  const split = splitDelimited(text);
  if (split) {
    readInstruction(split.instruction, into);
    unreadWords = unreadWordsOf(split.instruction);
    parts = split.math.flatMap((m) => splitTopLevel(m));
  } else {
    const plain = splitPlain(text, into);
    if (!plain) return { ok: false, reason: 'I could not find the math in this problem.' };
    parts = plain.flatMap((m) => splitTopLevel(m));
  }
  const items: Task['items'] = [];
  let functionName: string | undefined;
  for (let p of parts) {
    // f(x) = …  and  y = … name the function being differentiated.
    const def = /^\s*([a-zA-Z])\s*(?:\(\s*([a-zA-Z])\s*\))?\s*=(?![<>=])/.exec(p);
    if (def && (def[2] || into.action === 'derivative') && !/=.*=/.test(p.slice(def[0].length))) {
      const rest = p.slice(def[0].length);
      if (def[2] || (into.action === 'derivative' && !new RegExp(`\\b${def[1]}\\b`).test(rest))) {
        functionName = def[1];
        if (def[2]) into.variable ??= def[2];
        into.action ??= 'derivative';
        p = rest;
      }
    }
    try {
      const parsed = parseMath(p);
      items.push(parsed.kind === 'expr' ? { kind: 'expr', expr: parsed.expr } : { kind: 'rel', rel: parsed.rel });
    } catch (e) {
      if (e instanceof MathSyntaxError) return { ok: false, reason: `I could not read "${p.trim()}": ${e.message}.` };
      throw e;
    }
  }
  if (items.length === 0) return { ok: false, reason: 'I could not find the math in this problem.' };
  const task: Task = {
    action: into.action ?? 'auto',
    items,
    source: parts.join(', '),
    unreadWords,
    ...(into.variable ? { variable: into.variable } : {}),
    ...(into.method ? { method: into.method } : {}),
    ...(into.interval ? { interval: true } : {}),
    ...(into.order ? { derivativeOrder: into.order } : {}),
    ...(functionName ? { functionName } : {}),
    ...(into.positive ? { assumePositive: true } : {}),
  };
  return { ok: true, task };
}

export { add, sub };
