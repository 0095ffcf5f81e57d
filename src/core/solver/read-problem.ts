/**
 * Understanding what a problem asks: separating the instruction ("Solve for x", "Factor completely",
 * "Find the first derivative … wrt g", "use substitution") from the math, which may be plain text or
 * LaTeX between $$ … $$ delimiters, as worksheets and students write it.
 */
import { parseMath, splitTopLevel, MathSyntaxError } from './parse-math.ts';
import { type Expr, type Rel, add, sub } from './expr.ts';
import { type Action, type AnswerForm, type Method, type Reading, readInstruction, unreadWordsOf as unreadProse, splitPlainInstruction } from './read-instruction.ts';
import { unwrapEnvironments } from './read-layout.ts';

export type { Action, AnswerForm, Method };

export interface Task {
  action: Action;
  /** What the problem gave, in order: expressions or relations. */
  items: ({ kind: 'expr'; expr: Expr } | { kind: 'rel'; rel: Rel })[];
  /** "for p", "wrt g", "Solve for x:", "d/dx". */
  variable?: string;
  /** A method the instruction asks for ("by completing the square", "by addition"). */
  method?: Method;
  interval?: boolean;
  /** Forms the answer must take ("in interval notation", "with positive exponents", "state the excluded values"). */
  forms: AnswerForm[];
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

function unreadWordsOf(instruction: string): string[] {
  // Math left in the instruction (a trivial "$t$", a format template "$a+bs+ct$") is not prose.
  let prose = instruction;
  for (const seg of mathSegments(instruction).reverse()) prose = prose.slice(0, seg.start) + ' ' + prose.slice(seg.end);
  return unreadProse(prose);
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

type Instr = Omit<Reading, 'forms' | 'unread'> & { forms?: AnswerForm[] };

/** Fold the reading of some instruction words into what is known so far. */
function readInto(text: string, into: Instr): void {
  const r = readInstruction(text);
  // An explicit verb (factor, expand, differentiate …) wins; solve and evaluate are defaults.
  if (r.action === 'solve' || r.action === 'evaluate') into.action ??= r.action;
  else if (r.action) into.action = r.action;
  into.method ??= r.method;
  into.variable ??= r.variable;
  into.order ??= r.order;
  if (r.positive) into.positive = true;
  into.forms = [...new Set([...(into.forms ?? []), ...r.forms])];
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
  // "Multiply 2/3 by 4/7", "Divide 5/6 by 2/3", "Subtract 1/4 from 2/3": operations in words around numbers.
  if ((m = /^(multiply|divide|subtract)\s+([^a-zA-Z]+?)\s+(by|from)\s+([^a-zA-Z]+?)\s*[.?]?$/i.exec(s))) {
    const op = m[1]!.toLowerCase();
    if ((op === 'subtract') === (m[3]!.toLowerCase() === 'from')) {
      into.action = 'evaluate';
      return [op === 'multiply' ? `(${m[2]}) * (${m[4]})` : op === 'divide' ? `(${m[2]}) / (${m[4]})` : `(${m[4]}) - (${m[2]})`];
    }
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
  // Instruction words before and after the math ("Solve the quadratic equation by factoring: …", "… Show each step.").
  const around = splitPlainInstruction(s);
  if (around) {
    readInto(`${around.before} ${around.after}`, into);
    s = around.math;
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
  const text = unwrapEnvironments(problem.replace(/\\n/g, '\n')).trim();
  if (!text) return { ok: false, reason: 'The problem is empty.' };
  const into: Instr = {};
  let parts: string[];
  let unreadWords: string[] = [];
  const split = splitDelimited(text);
  if (split) {
    readInto(split.instruction, into);
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
    ...(into.forms?.includes('interval') ? { interval: true } : {}),
    forms: into.forms ?? [],
    ...(into.order ? { derivativeOrder: into.order } : {}),
    ...(functionName ? { functionName } : {}),
    ...(into.positive ? { assumePositive: true } : {}),
  };
  return { ok: true, task };
}

export { add, sub };
