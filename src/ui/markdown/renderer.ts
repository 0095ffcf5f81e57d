/** The math renderer chunk's entry: everything rich-text.tsx loads lazily, as one module. */
export { MathFormula, MathMarkdown, prepareMathStyles } from './math-markdown.tsx';
export { StreamingMarkdown } from './streaming-markdown.tsx';
