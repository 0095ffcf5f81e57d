/**
 * Finding a lone `</think>` in a streamed answer: servers whose chat template opens the thinking block inside
 * the prompt (vLLM, llama.cpp or SGLang with no reasoning parser; Qwen3 and DeepSeek-R1 distills) send the
 * thinking as ordinary content, closed by a `</think>` that was never opened.
 *
 * The parser's rule (see parse-solution.ts): the text from the answer's start to a lone `</think>` is thinking
 * when no step is complete before the tag, so steps a student may already have seen never change. Models
 * known to think in the open (`openThinking`, e.g. by model name) get more: their text is held as thinking
 * until the tag, the first Markdown heading or the end of the answer decides, so a thought of many lines
 * still works; before that, nothing can tell thinking from an answer.
 */
import { classifyLine } from './line-kind.ts';

export const THINK_CLOSE = '</think>';

export interface LoneScan {
  /** Where the tag starts in the chunk (negative: it began in an earlier chunk), or null. */
  tagAt: number | null;
  /** A Markdown heading line came before the tag (or, with no tag, in the chunk): the answer has begun. */
  heading: boolean;
}

/** Scans chunk after chunk; keeps only a tag's possible beginning and the current line. */
export class LoneThinkScanner {
  private tail = '';
  private line = '';

  constructor(private readonly headings: boolean) {}

  scan(s: string): LoneScan {
    const window = this.tail + s;
    const at = window.indexOf(THINK_CLOSE);
    const tagAt = at < 0 ? null : at - this.tail.length;
    // Lines that end before the tag (or in the chunk), then the line the tag is on, up to the tag.
    const upto = tagAt === null ? s : s.slice(0, Math.max(tagAt, 0));
    let heading = false;
    if (this.headings) {
      const lines = (this.line + upto).split('\n');
      const open = lines.pop() ?? '';
      heading = lines.some(isHeading) || (tagAt !== null && isHeading(tagAt < 0 ? this.line.slice(0, this.line.length + tagAt) : open));
      this.line = open.length > 200 ? open.slice(0, 200) : open;
    }
    this.tail = window.slice(-(THINK_CLOSE.length - 1));
    return { tagAt, heading };
  }
}

function isHeading(line: string): boolean {
  return classifyLine(line).kind === 'heading';
}
