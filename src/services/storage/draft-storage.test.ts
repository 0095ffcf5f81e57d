// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDraft, loadDraft, saveDraft } from './draft-storage.ts';

beforeEach(() => sessionStorage.clear());

describe('draft storage', () => {
  it('keeps the typed fields and the chosen tab across a reload', () => {
    saveDraft({ problem: '', pasteProblem: 'Solve 2x = 8', pasteAnswer: 'x = 4', tab: 'paste' });
    expect(loadDraft()).toEqual({ problem: '', pasteProblem: 'Solve 2x = 8', pasteAnswer: 'x = 4', tab: 'paste' });
  });

  it('reads a draft saved before the tab was kept, and repairs damaged fields', () => {
    sessionStorage.setItem('stepwise.draft', JSON.stringify({ problem: 'x + 1 = 2', pasteProblem: 3, tab: 'settings' }));
    expect(loadDraft()).toEqual({ ...emptyDraft(), problem: 'x + 1 = 2' });
    sessionStorage.setItem('stepwise.draft', '{not json');
    expect(loadDraft()).toEqual(emptyDraft());
  });

  it('stores nothing for an empty draft on the Ask tab', () => {
    saveDraft(emptyDraft());
    expect(sessionStorage.getItem('stepwise.draft')).toBeNull();
  });
});
