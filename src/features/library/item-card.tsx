import { useState } from 'react';
import type { ItemSource, LibraryItem } from '../../core/library/library.ts';
import type { RevealPolicy } from '../../core/tutor/progress.ts';
import type { EntrySource } from '../../core/history/history-entry.ts';
import { entryTitle } from '../../core/history/history-entry.ts';
import { problemToMarkdown } from '../../core/solution/problem-markdown.ts';
import { deleteLibraryItem } from '../../stores/library-store.ts';
import { navigate } from '../../stores/route-store.ts';
import { showSolution } from '../../stores/run-store.ts';
import { RichText, TexFormula } from '../../ui/rich-text.tsx';
import type { Outcome } from './library-notices.tsx';

const ENTRY_SOURCE: Record<ItemSource, EntrySource> = { model: 'model', solver: 'builtin', pasted: 'paste' };

function sourceLabel(item: LibraryItem): string {
  if (item.source === 'solver') return 'Built-in solver';
  if (item.source === 'pasted') return 'Pasted answer';
  return item.model === '' ? 'Model answer' : `Model: ${item.model}`;
}

/**
 * Shows a saved solution in the tutor's step-by-step view (a new history entry) under the set's reveal policy
 * (none: the student's own setting), then goes there.
 */
async function openInTutor(item: LibraryItem, policy: RevealPolicy | undefined): Promise<void> {
  await showSolution({
    problem: item.problem,
    solution: item.solution,
    source: ENTRY_SOURCE[item.source],
    model: item.model,
    answer: item.answerText,
    policy,
  });
  navigate({ name: 'tutor' });
}

interface ItemCardProps {
  setId: string;
  item: LibraryItem;
  index: number;
  /** The set's reveal policy, which the solution opens under. */
  policy?: RevealPolicy;
  onOutcome: (o: Outcome) => void;
}

export function ItemCard({ setId, item, index, policy, onOutcome }: ItemCardProps) {
  const [opening, setOpening] = useState(false);
  const steps = item.solution.steps.length;
  const name = `problem ${index + 1}`;
  const title = entryTitle(item.problem, 60);
  const remove = async () => {
    const result = await deleteLibraryItem(setId, item.id);
    if (!result.ok) onOutcome({ ok: false, text: result.error });
  };
  return (
    <li className="library-item" aria-label={`Problem ${index + 1}: ${title}`}>
      <span className="library-item__number" aria-hidden="true">
        {index + 1}
      </span>
      <div className="library-item__main">
        <RichText className="library-item__problem" text={problemToMarkdown(item.problem)} />
        <p className="library-item__meta">
          {sourceLabel(item)} · {steps} {steps === 1 ? 'step' : 'steps'}
        </p>
        {item.solution.answer && (
          <div className="library-item__answer">
            <span className="library-item__answer-label">Answer:</span> <TexFormula tex={item.solution.answer.text} display={false} />
          </div>
        )}
        <div className="library-item__actions" role="group" aria-label={`Actions for ${name}`}>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={opening}
            aria-label={`Open ${name} in the tutor`}
            onClick={() => {
              setOpening(true);
              void openInTutor(item, policy).finally(() => setOpening(false));
            }}
          >
            Open
          </button>
          <button type="button" className="button button--small" aria-label={`Edit ${name}`} onClick={() => navigate({ name: 'edit', setId, itemId: item.id })}>
            Edit
          </button>
          <button type="button" className="button button--small button--danger" aria-label={`Remove ${name} from the set`} onClick={() => void remove()}>
            Remove
          </button>
        </div>
      </div>
    </li>
  );
}
