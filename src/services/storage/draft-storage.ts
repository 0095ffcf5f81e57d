/** What the user is typing (and which form they are typing in), kept for this tab so a reload never loses it. */
import { readText, writeText } from './web-storage.ts';

const DRAFT_KEY = 'stepwise.draft';

export type DraftTab = 'ask' | 'paste';

export interface Draft {
  problem: string;
  pasteProblem: string;
  pasteAnswer: string;
  /** The form in use: a reload reopens "Paste an answer" if that is where the student was. */
  tab: DraftTab;
}

export const emptyDraft = (): Draft => ({ problem: '', pasteProblem: '', pasteAnswer: '', tab: 'ask' });

export function loadDraft(): Draft {
  const text = readText('session', DRAFT_KEY);
  if (text === null) return emptyDraft();
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const str = (x: unknown) => (typeof x === 'string' ? x : '');
    return {
      problem: str(raw.problem),
      pasteProblem: str(raw.pasteProblem),
      pasteAnswer: str(raw.pasteAnswer),
      tab: raw.tab === 'paste' ? 'paste' : 'ask',
    };
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(draft: Draft): void {
  const empty = draft.problem === '' && draft.pasteProblem === '' && draft.pasteAnswer === '' && draft.tab === 'ask';
  writeText('session', DRAFT_KEY, empty ? null : JSON.stringify(draft));
}
