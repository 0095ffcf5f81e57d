/**
 * A handout as a LaTeX document for the `exam` class, which teachers already know: `\question`s, solutions in
 * `solution` environments (shown via `\printanswers`), ruled work space, page numbers in the footer. Math
 * stays LaTeX; text is escaped so the file compiles with pdflatex as written.
 */
import { markBareMath } from '../solution/bare-math.ts';
import type { Block, HandoutDocument, HandoutProblem, HandoutSection } from '../handout/handout.ts';
import { cleanMath, escapeLatexText, inlineToLatex, markdownToLatex } from './markdown-to-latex.ts';

export type Paper = 'a4' | 'letter';

/** The exam class offers these body sizes; larger print-view sizes fall back to the largest. */
const EXAM_SIZES = [10, 11, 12];

/** Height of one ruled line (the exam class's default `\linefillheight`). */
const LINE_HEIGHT_IN = 0.25;

const examSize = (pt: number) => EXAM_SIZES.reduce((best, s) => (Math.abs(s - pt) < Math.abs(best - pt) ? s : best));

const linesLength = (count: number) => `${(count * LINE_HEIGHT_IN).toFixed(2)}in`;

/** A keep-together block: a full-width minipage cannot break across pages. */
const keep = (latex: string) => `\\par\\noindent\\begin{minipage}{\\linewidth}\n${latex}\n\\end{minipage}\\par\\medskip`;

/** A title is inline Markdown like a body line: its `$x$` stays math ("Solve for $x$"). */
function stepLabel(index: number, title: string): string {
  return `Step ${index + 1}${title.trim() ? `: ${inlineToLatex(title.trim())}` : ''}`;
}

function stepLatex(block: Extract<Block, { kind: 'step' }>): string {
  return keep(`\\textbf{${stepLabel(block.index, block.title)}}\\par\n${markdownToLatex(block.body)}`);
}

/**
 * Lined space. A hidden step (faded mode) goes in `solutionorlines`: lines under \noprintanswers, the step
 * itself under \printanswers — one file gives both the handout and its key.
 */
function linesLatex(block: Extract<Block, { kind: 'lines' }>): string {
  if (!block.hidden || block.forStep === null) return `\\fillwithlines{${linesLength(block.count)}}`;
  return [
    `\\noindent\\textbf{Step ${block.forStep + 1}}`,
    `\\begin{solutionorlines}[${linesLength(block.count)}]`,
    `\\textbf{${stepLabel(block.forStep, block.hidden.title)}}\\par`,
    markdownToLatex(block.hidden.body),
    '\\end{solutionorlines}',
  ].join('\n');
}

const answerLatex = (latex: string | null) =>
  latex === null || latex.trim() === '' ? '\\emph{(no final answer)}' : `$${cleanMath(latex)}$`;

function blockLatex(block: Block): string {
  switch (block.kind) {
    case 'step':
      return stepLatex(block);
    case 'answer':
      return keep(`\\textbf{Answer:} ${answerLatex(block.latex)}`);
    case 'lines':
      return linesLatex(block);
  }
}

function questionLatex(problem: HandoutProblem, mode: 'worksheet' | 'worked' | 'key'): string {
  const problemText = problem.problem.split('\n').map(markBareMath).join('\n');
  const out = [`\\question ${markdownToLatex(problemText)}`];
  if (mode === 'worked') {
    // Worked steps go in a solution environment so the same file also prints as a bare worksheet (\noprintanswers).
    out.push('\\begin{solution}', ...problem.blocks.map(blockLatex), '\\end{solution}');
  } else {
    out.push(...problem.blocks.map(blockLatex));
  }
  return out.join('\n');
}

function sectionLatex(section: HandoutSection, worked: boolean): string {
  const out: string[] = [];
  if (section.pageBreakBefore) out.push('\\newpage');
  if (section.heading) out.push(`\\begin{center}\\textbf{\\large ${escapeLatexText(section.heading)}}\\end{center}`);
  if (section.columns === 2) out.push('\\begin{multicols}{2}');
  if (section.kind === 'key' && section.problems.every((p) => p.problem === '')) {
    // A key after the worksheet: numbers and answers only, as a compact list.
    out.push('\\begin{itemize}');
    for (const p of section.problems) {
      const answer = p.blocks.find((b) => b.kind === 'answer');
      out.push(`  \\item[${p.number === null ? '' : `${p.number}.`}] ${answerLatex(answer?.kind === 'answer' ? answer.latex : null)}`);
    }
    out.push('\\end{itemize}');
  } else {
    out.push('\\begin{questions}');
    for (const p of section.problems) out.push(questionLatex(p, section.kind === 'key' ? 'key' : worked ? 'worked' : 'worksheet'), '');
    out.push('\\end{questions}');
  }
  if (section.columns === 2) out.push('\\end{multicols}');
  return out.join('\n');
}

/** In worked mode the solutions go in `solution` environments, shown by `\printanswers`. */
export function handoutToLatex(doc: HandoutDocument, options: { paper: Paper }): string {
  const worked = doc.mode === 'worked';
  const numbered = doc.sections.some((s) => s.problems.some((p) => p.number !== null));
  const out = [
    `\\documentclass[${examSize(doc.fontSize)}pt,${options.paper === 'a4' ? 'a4paper' : 'letterpaper'}]{exam}`,
    '\\usepackage[T1]{fontenc}',
    '\\usepackage{lmodern}',
    '\\usepackage{amsmath,amssymb}',
    '\\usepackage{multicol}',
    worked ? '% Solutions are shown; \\noprintanswers gives the same handout without them.' : '% Work space is shown as ruled lines.',
    worked ? '\\printanswers' : '\\noprintanswers',
    '\\pagestyle{foot}',
    '\\cfoot{Page \\thepage\\ of \\numpages}',
    ...(numbered ? [] : ['\\renewcommand{\\questionlabel}{}']),
    '',
    '\\begin{document}',
  ];
  if (doc.title) out.push(`\\begin{center}{\\Large\\bfseries ${escapeLatexText(doc.title)}}\\end{center}`);
  if (doc.nameDateLine) out.push('\\noindent Name:\\enspace\\makebox[3.2in]{\\hrulefill}\\hfill Date:\\enspace\\makebox[1.6in]{\\hrulefill}\\par\\medskip');
  if (doc.instructions) out.push(`\\noindent ${markdownToLatex(doc.instructions)}\\par\\medskip`);
  out.push('');
  for (const section of doc.sections) out.push(sectionLatex(section, worked), '');
  out.push('\\end{document}', '');
  return out.join('\n');
}
