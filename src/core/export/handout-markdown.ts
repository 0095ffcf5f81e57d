/**
 * A handout as Markdown (math kept as `$…$`), for pasting into notes, a wiki or an LMS. Markdown has no pages,
 * so a page break becomes a horizontal rule.
 */
import type { Block, HandoutDocument, HandoutProblem, HandoutSection } from '../handout/handout.ts';

const answerMarkdown = (latex: string | null) => (latex === null || latex.trim() === '' ? '_(no final answer)_' : `$${latex.trim()}$`);

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'step': {
      const label = `Step ${block.index + 1}${block.title.trim() ? `: ${block.title.trim()}` : ''}`;
      return `**${label}**\n\n${block.body.trim()}`;
    }
    case 'answer':
      return `**Answer:** ${answerMarkdown(block.latex)}`;
    case 'lines':
      return block.forStep === null
        ? `_(Space for your work: ${block.count} lines.)_`
        : `**Step ${block.forStep + 1}:** _(your turn — complete this step)_`;
  }
}

function problemMarkdown(problem: HandoutProblem): string {
  const label = problem.number === null ? '' : `**${problem.number}.** `;
  // Bold numbers rather than a Markdown list: list items would need every following block indented.
  return [`${label}${problem.problem.trim()}`, ...problem.blocks.map(blockMarkdown)].join('\n\n');
}

function sectionMarkdown(section: HandoutSection): string {
  const out: string[] = [];
  if (section.pageBreakBefore) out.push('---');
  if (section.heading) out.push(`## ${section.heading}`);
  if (section.kind === 'key' && section.problems.every((p) => p.problem === '')) {
    out.push(
      section.problems
        .map((p) => {
          const answer = p.blocks.find((b) => b.kind === 'answer');
          return `${p.number === null ? '-' : `${p.number}.`} ${answerMarkdown(answer?.kind === 'answer' ? answer.latex : null)}`;
        })
        .join('\n'),
    );
  } else {
    out.push(...section.problems.map(problemMarkdown));
  }
  return out.join('\n\n');
}

export function handoutToMarkdown(doc: HandoutDocument): string {
  const out: string[] = [];
  if (doc.title) out.push(`# ${doc.title}`);
  if (doc.nameDateLine) out.push('Name: ______________________________ Date: ______________');
  if (doc.instructions) out.push(doc.instructions);
  out.push(...doc.sections.map(sectionMarkdown));
  return `${out.join('\n\n')}\n`;
}
