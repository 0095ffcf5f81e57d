/** What the user is typing, kept for this tab so a reload never loses it. */
import { readText, writeText } from './web-storage.ts';

const DRAFT_KEY = 'stepwise.draft';

export interface Draft {
  problem: string;
  pasteProblem: string;
  pasteAnswer: string;
}

export const emptyDraft = (): Draft => ({ problem: '', pasteProblem: '', pasteAnswer: '' });

export function loadDraft(): Draft {
  const text = readText('session', DRAFT_KEY);
  if (text === null) return emptyDraft();
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const str = (x: unknown) => (typeof x === 'string' ? x : '');
    return { problem: str(raw.problem), pasteProblem: str(raw.pasteProblem), pasteAnswer: str(raw.pasteAnswer) };
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(draft: Draft): void {
  const empty = draft.problem === '' && draft.pasteProblem === '' && draft.pasteAnswer === '';
  writeText('session', DRAFT_KEY, empty ? null : JSON.stringify(draft));
}
