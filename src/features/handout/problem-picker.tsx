/** Which of the set's problems go on the handout: one checkbox each, in the set's order. */
import type { LibraryItem } from '../../core/library/library.ts';
import { problemToMarkdown } from '../../core/solution/problem-markdown.ts';
import { RichText } from '../../ui/rich-text.tsx';

export function ProblemPicker({ items, chosen, onChange }: { items: readonly LibraryItem[]; chosen: ReadonlySet<string>; onChange(next: Set<string>): void }) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="handout-picker">
      <legend className="field-label">
        Problems ({chosen.size} of {items.length})
      </legend>
      <div className="handout-picker__bulk">
        <button type="button" className="button button--small" onClick={() => onChange(new Set(items.map((i) => i.id)))}>
          Select all
        </button>
        <button type="button" className="button button--small button--ghost" onClick={() => onChange(new Set())}>
          Select none
        </button>
      </div>
      <ol className="handout-picker__list">
        {items.map((item, i) => (
          <li key={item.id} className="handout-picker__item">
            <input
              type="checkbox"
              id={`pick-${item.id}`}
              aria-label={`Include problem ${i + 1}`}
              checked={chosen.has(item.id)}
              onChange={(e) => toggle(item.id, e.target.checked)}
            />
            <label htmlFor={`pick-${item.id}`} className="handout-picker__text">
              <span className="handout-picker__number">{i + 1}.</span>
              <RichText text={problemToMarkdown(item.problem)} />
            </label>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
