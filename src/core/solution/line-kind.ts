/**
 * Classification of one line of a model's answer: the block-level signals the step splitter reads.
 * Pure functions over a single line; no state.
 */

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'fence'; marker: string; info: string }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'rule' }
  | { kind: 'item'; ordered: boolean; number: number; indent: number; contentCol: number }
  | { kind: 'text' };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/;
const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const RULE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|[─━═—]{3,}[ \t]*)$/;
const ORDERED = /^( *)(\d{1,3})([.)])(?:[ \t\u00a0\u2000-\u200b\u3000]+|$)/;
const BULLET = /^( *)([-*+])(?:[ \t]+|$)/;

export function classifyLine(line: string): LineKind {
  if (line.trim() === '') return { kind: 'blank' };
  const fence = FENCE.exec(line);
  if (fence && !(fence[1]!.startsWith('`') && fence[2]!.includes('`'))) {
    return { kind: 'fence', marker: fence[1]!, info: fence[2]!.trim() };
  }
  const heading = HEADING.exec(line);
  if (heading) return { kind: 'heading', level: heading[1]!.length, text: (heading[2] ?? '').trim() };
  if (RULE.test(line)) return { kind: 'rule' };
  const ordered = ORDERED.exec(line);
  if (ordered) {
    return {
      kind: 'item',
      ordered: true,
      number: Number(ordered[2]),
      indent: ordered[1]!.length,
      contentCol: ordered[0].length,
    };
  }
  const bullet = BULLET.exec(line);
  if (bullet) {
    return { kind: 'item', ordered: false, number: 0, indent: bullet[1]!.length, contentCol: bullet[0].length };
  }
  return { kind: 'text' };
}

/** Leading spaces (tabs count as 4). */
export function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n += 1;
    else if (ch === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

const STEP_WORDS = 'step|шаг|bước|paso|étape|etape|schritt|passo|步骤|第\\s*\\d+\\s*步';
/** A heading or label text that starts with "Step N". Group 1: the rest (the title). */
export const STEP_PREFIX = new RegExp(
  `^(?:\\*\\*|__)?[ \\t]*(?:${STEP_WORDS})[ \\t]*\\d+[ \\t]*(?:\\*\\*|__)?[ \\t]*(?:[:.：)—–-][ \\t]*)?(.*)$`,
  'iu',
);

const ANSWER_WORDS =
  'final\\s+answer|answer|final\\s+result|ответ|окончательный\\s+ответ|答案|最终答案|最終答案|đáp\\s+án|kết\\s+quả|respuesta(?:\\s+final)?|réponse(?:\\s+finale)?';
/** A heading text that names the answer section ("Answer", "Final Answer:", "**Ответ**"). */
export const ANSWER_HEADING = new RegExp(`^(?:\\*\\*|__)?\\s*(?:${ANSWER_WORDS})\\s*[:：.]?\\s*(?:\\*\\*|__)?\\s*[:：]?\\s*$`, 'iu');
/**
 * A line that opens the answer section: "**Final Answer**", "Final answer: 42", "Answer: …", "Ответ: 3.09",
 * "The final answer is: $\\boxed{5}$", "Therefore, the final answer is …". Group 1: what follows the label.
 */
export const ANSWER_LINE = new RegExp(
  `^[ \\t]*(?:>[ \\t]*)?(?:\\*\\*|__)?[ \\t]*(?:(?:therefore|thus|so|hence)[ \\t]*,?[ \\t]*)?(?:the[ \\t]+)?(?:${ANSWER_WORDS})[ \\t]*(?:(?:\\*\\*|__)[ \\t]*[:：]?|[:：][ \\t]*(?:\\*\\*|__)?|[ \\t]+is\\b[ \\t]*[:：]?|$)[ \\t]*(.*)$`,
  'iu',
);

/** A paragraph that starts with bold text: "**Find the mean.** The mean is…". Group 1: bold text, 2: rest. */
export const BOLD_LEAD = /^[ \t]*\*\*([^*\n]+?)\*\*[ \t]*[:：]?(.*)$/u;

/** The openings of lines that may turn out to be step or answer signals (decided at the newline). */
const ANSWER_PHRASES = ['the final answer', 'the answer', 'final answer', 'answer', 'final result'];
const SIGNAL_WORDS = [
  'step', 'шаг', 'bước', 'paso', 'étape', 'etape', 'schritt', 'passo', '步骤', '第',
  ...ANSWER_PHRASES,
  ...['therefore', 'thus', 'so', 'hence'].flatMap((w) => ANSWER_PHRASES.flatMap((p) => [`${w} ${p}`, `${w}, ${p}`])),
  'a:', 'ответ', 'окончательный ответ', '答案', '最终答案', '最終答案', 'đáp án', 'kết quả', 'respuesta', 'réponse',
];

const SIGNAL_INITIALS = new Set(SIGNAL_WORDS.map((w) => w[0]!));

/**
 * Whether a line that begins with `head` must be seen whole before it can be classified. False means
 * the line is plain text whatever follows, so it can stream character by character.
 * Monotone: once false for a prefix, false for every extension (keeps chunked == one-shot).
 */
export function needsWholeLine(head: string): boolean {
  let i = 0;
  while (i < head.length && (head[i] === '>' || /\s/.test(head[i]!))) i++;
  // Signal words are short: the first characters decide, so the cost per call stays bounded.
  const t = head.slice(i, i + 40);
  if (t === '') return true;
  const c = t[0]!;
  if ('#`~-*_+─━═—|<\\$'.includes(c)) return true;
  if (c >= '0' && c <= '9') {
    const m = /^\d+/.exec(t)!;
    return m[0].length === t.length || /^[.)]/.test(t.slice(m[0].length));
  }
  if (!SIGNAL_INITIALS.has(c.toLowerCase())) return false;
  const lower = t.toLowerCase().replace(/\s+/g, ' ');
  return SIGNAL_WORDS.some((w) => w.startsWith(lower) || lower.startsWith(w));
}
