/**
 * A step's Markdown as words a screen reader can speak in one go (the reveal announcement): formulas become
 * speech-like text ("x squared minus 5x plus 6 equals 0"), Markdown marks are dropped. Not a full TeX reader:
 * what it does not know it passes through as the command's name, which still beats silence.
 */

const WORDS: Record<string, string> = {
  cdot: 'times', times: 'times', ast: 'times', div: 'divided by', pm: 'plus or minus', mp: 'minus or plus',
  le: 'is less than or equal to', leq: 'is less than or equal to', ge: 'is greater than or equal to',
  geq: 'is greater than or equal to', ne: 'is not equal to', neq: 'is not equal to', approx: 'is approximately',
  lt: 'is less than', gt: 'is greater than', equiv: 'is equivalent to', to: 'to', rightarrow: 'gives',
  Rightarrow: 'implies', implies: 'implies', iff: 'if and only if', infty: 'infinity', circ: 'degrees',
  in: 'in', notin: 'not in', cup: 'union', cap: 'intersection', emptyset: 'the empty set', varnothing: 'the empty set',
  ldots: 'and so on', cdots: 'and so on', dots: 'and so on', therefore: 'therefore', percent: 'percent',
  int: 'the integral of', sum: 'the sum of', prod: 'the product of', lim: 'the limit', partial: 'partial',
  mid: 'such that', angle: 'angle', triangle: 'triangle', perp: 'is perpendicular to', parallel: 'is parallel to',
  pi: 'pi', theta: 'theta', alpha: 'alpha', beta: 'beta', gamma: 'gamma', delta: 'delta', Delta: 'delta',
  lambda: 'lambda', mu: 'mu', sigma: 'sigma', omega: 'omega', phi: 'phi', varphi: 'phi', epsilon: 'epsilon',
  varepsilon: 'epsilon', rho: 'rho', tau: 'tau', Sigma: 'sigma', Omega: 'omega',
};
/** Commands whose argument is read as it is. */
const TRANSPARENT = new Set([
  'text', 'textbf', 'textit', 'textrm', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathbb', 'mathcal', 'operatorname',
  'boxed', 'bm', 'boldsymbol', 'displaystyle', 'textstyle', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg',
  'bigl', 'bigr', 'Bigl', 'Bigr', 'mbox', 'hbox', 'overline', 'underline', 'vec', 'hat', 'bar', 'tilde',
]);
const SPACES = new Set([',', ';', ':', '!', ' ', 'quad', 'qquad', 'enspace', 'thinspace', 'medspace', 'thickspace']);
const SYMBOLS: Record<string, string> = {
  '+': 'plus', '-': 'minus', '−': 'minus', '=': 'equals', '<': 'is less than', '>': 'is greater than',
  '*': 'times', '/': 'divided by', '±': 'plus or minus', '≤': 'is less than or equal to',
  '≥': 'is greater than or equal to', '≠': 'is not equal to', '×': 'times', '·': 'times', '÷': 'divided by',
  '&': ' ', '~': ' ',
};

class TexReader {
  private i = 0;
  constructor(private readonly src: string) {}

  /** Reads to the end, or to the closing brace of the group being read. */
  sequence(): string {
    const out: string[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '}') out.push(this.item());
    return out.join(' ');
  }

  /** One argument: a `{group}`, a command or a single character. */
  private argument(): string {
    this.skipSpace();
    const c = this.src[this.i];
    if (c === undefined) return '';
    if (c === '{') {
      this.i++;
      const inner = this.sequence();
      this.i++;
      return inner;
    }
    return this.item();
  }

  private optional(): string | null {
    this.skipSpace();
    if (this.src[this.i] !== '[') return null;
    const end = this.src.indexOf(']', this.i);
    if (end < 0) return null;
    const inner = new TexReader(this.src.slice(this.i + 1, end)).sequence();
    this.i = end + 1;
    return inner;
  }

  private skipSpace(): void {
    while (this.src[this.i] === ' ' || this.src[this.i] === '\n') this.i++;
  }

  private item(): string {
    const c = this.src[this.i++] ?? '';
    if (c === '{') {
      const inner = this.sequence();
      this.i++;
      return inner;
    }
    if (c === '\\') return this.command();
    if (c === '^') return this.power();
    if (c === '_') return `sub ${grouped(this.argument())}`;
    if (c === "'") return 'prime';
    if (SYMBOLS[c] !== undefined) return SYMBOLS[c];
    // Letters and digits run together as written ("2x", "15"); anything else stands alone.
    let word = c;
    while (/[A-Za-z0-9.]/.test(c) && /[A-Za-z0-9.]/.test(this.src[this.i] ?? '')) word += this.src[this.i++];
    return word;
  }

  private power(): string {
    const exponent = this.argument();
    if (exponent === '2') return 'squared';
    if (exponent === '3') return 'cubed';
    if (exponent === 'degrees') return 'degrees';
    return `to the power ${grouped(exponent)}`;
  }

  private command(): string {
    const rest = this.src.slice(this.i);
    const name = /^[A-Za-z]+/.exec(rest)?.[0] ?? rest[0] ?? '';
    this.i += name.length;
    if (SPACES.has(name)) return ' ';
    if (name === '$' || name === '%' || name === '{' || name === '}' || name === '#') return name === '%' ? 'percent' : name;
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac' || name === 'cfrac') {
      const top = this.argument();
      return `${grouped(top)} over ${grouped(this.argument())}`;
    }
    if (name === 'sqrt') {
      const index = this.optional();
      const radicand = grouped(this.argument());
      return index === null ? `the square root of ${radicand}` : `root ${index} of ${radicand}`;
    }
    if (TRANSPARENT.has(name)) {
      // \left( and \right) are delimiters, not arguments.
      if (name === 'left' || name === 'right' || name.startsWith('big') || name.startsWith('Big')) return this.delimiter();
      if (name === 'displaystyle' || name === 'textstyle') return '';
      return this.argument();
    }
    return WORDS[name] ?? name;
  }

  private delimiter(): string {
    this.skipSpace();
    const c = this.src[this.i];
    if (c === undefined) return '';
    if (c === '\\') {
      this.i++;
      const name = /^[A-Za-z]+/.exec(this.src.slice(this.i))?.[0] ?? this.src[this.i] ?? '';
      this.i += name.length;
      return name === '{' || name === '}' || name === '|' ? name : name === 'lvert' || name === 'rvert' ? '|' : '';
    }
    this.i++;
    return c === '.' ? '' : c;
  }
}

/** "x + 1" read as one thing: in parentheses when it is more than a word. */
function grouped(text: string): string {
  const t = tidy(text);
  return /\s/.test(t) && !/^\(.*\)$/.test(t) ? `(${t})` : t;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ([,;])/g, '$1').trim();
}

/** A formula as words. */
export function texToSpeech(tex: string): string {
  return tidy(new TexReader(tex).sequence());
}

/** Finds `$$…$$`, `$…$`, `\(…\)` and `\[…\]`; `\$` is a dollar sign. */
const MATH = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<!\\)\$((?:\\\$|[^$\n])+?)\$/g;

/** Markdown with math as one line of words. */
export function markdownToSpeech(markdown: string): string {
  const spoken = markdown.replace(MATH, (_m, display?: string, bracket?: string, paren?: string, inline?: string) => {
    const tex = display ?? bracket ?? paren ?? inline ?? '';
    return ` ${texToSpeech(tex)} `;
  });
  return spoken
    .replace(/\\\$/g, '$')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/\s*\n\s*/g, '. ')
    .replace(/\.(\s*\.)+/g, '.')
    .replace(/([:;,])\./g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}
