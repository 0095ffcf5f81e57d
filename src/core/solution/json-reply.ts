/**
 * Unwrapping a reply that is one ```json {"reasoning": …, "answer": …} block. Models write these loosely:
 * raw newlines inside strings and single-backslash LaTeX (`\frac`, `\(`) are common, so strings are decoded
 * leniently when strict JSON fails, and every decoded character keeps the index it came from.
 */

export interface Unwrapped {
  /** The text to parse: the reasoning, then an "## Answer" section with the answer. */
  text: string;
  /** For every index of `text` (and one past its end), the index in the original reply. */
  map: Int32Array;
}

const REASONING_KEYS = ['reasoning', 'explanation', 'solution', 'steps', 'thought', 'thoughts', 'work', 'rationale'];
const ANSWER_KEYS = ['answer', 'final_answer', 'finalanswer', 'result'];

interface Field {
  key: string;
  keyAt: number;
  value: string;
  map: number[];
  end: number;
}

/**
 * `body` is the text between the opening fence line and the closing fence; `offset` its index in the reply.
 * Returns null when it is not an object of string fields with a reasoning or an answer.
 */
export function unwrapJsonReply(body: string, offset: number): Unwrapped | null {
  let strict = true;
  try {
    const v: unknown = JSON.parse(body);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  } catch {
    strict = false;
  }
  // Loose JSON written with LaTeX as-is keeps `\\` (a LaTeX line break); doubled-backslash LaTeX decodes it.
  const doubled = strict || /\\\\[a-zA-Z([]/.test(body);
  const fields = readFields(body, strict, doubled);
  if (!fields) return null;
  const find = (keys: string[]) => fields.find((f) => keys.includes(f.key.toLowerCase()));
  const reasoning = find(REASONING_KEYS);
  const answer = find(ANSWER_KEYS);
  if (!reasoning && !answer) return null;

  let text = '';
  const map: number[] = [];
  const add = (s: string, at: number[] | number) => {
    for (let i = 0; i < s.length; i++) map.push(typeof at === 'number' ? at : at[i]!);
    text += s;
  };
  if (reasoning) add(reasoning.value, reasoning.map);
  if (answer) {
    if (text !== '') add('\n\n', reasoning ? reasoning.end : answer.keyAt);
    add('## Answer\n\n', answer.keyAt);
    add(answer.value, answer.map);
  }
  map.push(answer ? answer.end : reasoning!.end);
  return { text, map: Int32Array.from(map, (i) => i + offset) };
}

function readFields(s: string, strict: boolean, doubled: boolean): Field[] | null {
  let i = skipWs(s, 0);
  if (s[i] !== '{') return null;
  i++;
  const fields: Field[] = [];
  for (;;) {
    i = skipWs(s, i);
    if (s[i] === '}') return fields;
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (s[i] !== '"') return fields.length > 0 ? fields : null;
    const keyAt = i;
    const key = readString(s, i, true, true);
    if (!key) return null;
    i = skipWs(s, key.end);
    if (s[i] !== ':') return null;
    i = skipWs(s, i + 1);
    if (s[i] === '"') {
      const v = readString(s, i, strict, doubled);
      if (!v) return fields.length > 0 ? fields : null;
      fields.push({ key: key.value, keyAt, value: v.value, map: v.map, end: v.end });
      i = v.end;
    } else {
      // A number, boolean or nested value: keep its raw text.
      let j = i;
      let depth = 0;
      while (j < s.length && !(depth === 0 && (s[j] === ',' || s[j] === '}'))) {
        if (s[j] === '{' || s[j] === '[') depth++;
        else if (s[j] === '}' || s[j] === ']') depth--;
        j++;
      }
      const raw = s.slice(i, j).trim();
      fields.push({ key: key.value, keyAt, value: raw, map: Array.from(raw, (_, k) => i + k), end: i + raw.length });
      i = j;
    }
  }
}

function skipWs(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
}

/** LaTeX commands that begin with a JSON escape letter (`\frac`, `\beta`, `\neq`, `\text`, `\right`…). */
const LATEX_AFTER_ESCAPE = /^(?:[a-zA-Z]{2,}|[bfnrt](?=[^a-zA-Z]))/;

function readString(s: string, at: number, strict: boolean, doubled: boolean): { value: string; map: number[]; end: number } | null {
  let value = '';
  const map: number[] = [];
  let i = at + 1;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"') return { value, map, end: i + 1 };
    if (c === '\\' && i + 1 < s.length) {
      const e = s[i + 1]!;
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
        map.push(i);
        i += 6;
        continue;
      }
      if (!strict && e === '\\' && !doubled) {
        value += '\\\\';
        map.push(i, i + 1);
        i += 2;
        continue;
      }
      if (!strict && e !== '"' && e !== '\\' && e !== '/') {
        // Loose JSON: `\n` then a letter is a newline unless it spells a LaTeX command (`\neq`, `\nabla`).
        const word = /^[a-zA-Z]+/.exec(s.slice(i + 1))?.[0] ?? '';
        const isLatex = e === 'n' ? /^(?:neq?|nabla|not|nu|newline|ni|nmid|ngeq|nleq|neg|nexists|notin|nolimits|nsubseteq|ncong|nsim|nparallel)$/.test(word) : LATEX_AFTER_ESCAPE.test(s.slice(i + 1)) || !(e in simple);
        if (isLatex || !(e in simple) || e === 'b' || e === 'f') {
          value += '\\';
          map.push(i);
          i += 1;
          continue;
        }
      }
      if (e in simple) {
        value += simple[e]!;
        map.push(i);
        i += 2;
        continue;
      }
      value += '\\';
      map.push(i);
      i += 1;
      continue;
    }
    value += c;
    map.push(i);
    i++;
  }
  return null;
}
