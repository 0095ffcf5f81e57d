/**
 * The printable handout: renders the layout model (core/handout) with KaTeX, and print CSS for the paper
 * size, page numbers and no splitting of steps or equations across pages.
 */
import type { Block, HandoutDocument, HandoutProblem, HandoutSection } from '../../core/handout/handout.ts';
import { problemToMarkdown } from '../../core/solution/problem-markdown.ts';
import { InlineMath } from '../../ui/inline-math.tsx';
import { RichText, TexFormula } from '../../ui/rich-text.tsx';
import { pageCss, type Paper } from './page-css.ts';
import './handout-print.css';

function Lines({ count }: { count: number }) {
  return (
    <div className="handout-lines__rules" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="handout-line" />
      ))}
    </div>
  );
}

function Answer({ latex }: { latex: string | null }) {
  return latex === null || latex.trim() === '' ? <em>(no final answer)</em> : <TexFormula tex={latex} display={false} />;
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'step':
      return (
        <div className="handout-block handout-step">
          <div className="handout-step__label">
            Step {block.index + 1}
            {block.title.trim() !== '' && (
              <>
                : <InlineMath text={block.title} />
              </>
            )}
          </div>
          <RichText text={block.body} />
        </div>
      );
    case 'answer':
      return (
        <div className="handout-block handout-answer">
          <strong>Answer:</strong> <Answer latex={block.latex} />
        </div>
      );
    case 'lines':
      return (
        <div className="handout-block handout-lines" data-lines={block.count}>
          {block.forStep !== null && <div className="handout-lines__label">Step {block.forStep + 1}</div>}
          <Lines count={block.count} />
        </div>
      );
  }
}

function ProblemView({ problem }: { problem: HandoutProblem }) {
  // A key after the worksheet has no problem text: its answer sits on the number's line.
  const inline = problem.problem === '';
  const blocks = problem.blocks.map((block, i) => <BlockView key={i} block={block} />);
  return (
    <li className="handout-problem" data-number={problem.number ?? undefined}>
      <div className="handout-problem__statement">
        {problem.number !== null && <span className="handout-problem__number">{problem.number}.</span>}
        {inline ? blocks : <RichText text={problemToMarkdown(problem.problem)} />}
      </div>
      {!inline && blocks}
    </li>
  );
}

function SectionView({ section }: { section: HandoutSection }) {
  const className = [
    'handout__section',
    `handout__section--${section.kind}`,
    `handout__section--cols-${section.columns}`,
    section.pageBreakBefore ? 'handout__section--break' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <section className={className} aria-label={section.heading ?? 'Problems'}>
      {section.heading && <h2 className="handout__heading">{section.heading}</h2>}
      <ol className="handout__problems">
        {section.problems.map((p) => (
          <ProblemView key={p.sourceId} problem={p} />
        ))}
      </ol>
    </section>
  );
}

export function HandoutPrint({ doc, paper }: { doc: HandoutDocument; paper: Paper }) {
  return (
    <article className="handout handout-print-root" style={{ ['--handout-font-size' as string]: `${doc.fontSize}pt` }}>
      <style>{pageCss(paper)}</style>
      {doc.title !== '' && <h1 className="handout__title">{doc.title}</h1>}
      {doc.nameDateLine && (
        <div className="handout__name-line">
          <span className="handout__field">
            Name: <span className="handout__blank" />
          </span>
          <span className="handout__field handout__field--date">
            Date: <span className="handout__blank" />
          </span>
        </div>
      )}
      {doc.instructions !== '' && <RichText className="handout__instructions" text={doc.instructions} />}
      {doc.sections.map((section, i) => (
        <SectionView key={i} section={section} />
      ))}
    </article>
  );
}
