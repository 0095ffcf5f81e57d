/**
 * The equation inside an instruction the built-in solver does not read ("Solve for x in the equation
 * 3x + 10 = 5(x - 2)."), so a model's solution of it can still be checked against the problem. Only when every
 * word around the math is an instruction word: in a word problem the math is not the whole question
 * ("If 2x = 8, what is 3x?"), and checking lines against it could call a right line wrong.
 */
const INSTRUCTION_WORDS = new Set([
  'solve', 'for', 'in', 'the', 'equation', 'inequality', 'find', 'value', 'values', 'of', 'determine', 'calculate',
  'compute', 'what', 'is', 'are', 'all', 'real', 'solutions', 'solution', 'to', 'this', 'following', 'please',
  'step', 'by', 'show', 'your', 'work', 'and', 'simplify', 'check', 'answer', 'given', 'that', 'a', 'an',
]);

/** A token of math: no letter runs longer than one (variables), digits, operators, brackets. */
const isMathToken = (t: string): boolean => /^[0-9a-zA-Z.+\-*/^=<>≤≥()[\]{},]+$/.test(t) && !/[a-zA-Z]{2,}/.test(t);

export function equationInInstruction(problem: string): string | null {
  const tokens = problem
    .replace(/\$/g, ' ')
    .replace(/\\\(|\\\)/g, ' ')
    .split(/\s+/)
    .filter((t) => t !== '');
  // The longest run of math tokens holding a relation; everything else must be instruction words or one letter.
  let best: { start: number; end: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (!isMathToken(tokens[i]!)) continue;
    let j = i;
    while (j < tokens.length && isMathToken(tokens[j]!)) j++;
    const run = tokens.slice(i, j).join(' ');
    if (/[=<>≤≥]/.test(run) && /\d/.test(run) && (!best || j - i > best.end - best.start)) best = { start: i, end: j };
    i = j;
  }
  if (!best) return null;
  for (let k = 0; k < tokens.length; k++) {
    if (k >= best.start && k < best.end) continue;
    const word = tokens[k]!.toLowerCase().replace(/[.,:;?!]+$/, '');
    if (word !== '' && !INSTRUCTION_WORDS.has(word) && !/^[a-z]$/.test(word)) return null;
  }
  const math = tokens.slice(best.start, best.end).join(' ').replace(/[.,:;?!]+$/, '').trim();
  return math === '' ? null : math;
}
