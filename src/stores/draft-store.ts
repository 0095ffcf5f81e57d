/** What the user is typing in the Ask and Paste forms, kept for the tab so a reload never loses it. */
import { create } from 'zustand';
import { emptyDraft, loadDraft, saveDraft, type Draft } from '../services/storage/index.ts';

export const useDraftStore = create<Draft>()(() => loadDraft());

export function setDraft(patch: Partial<Draft>): void {
  useDraftStore.setState(patch);
  saveDraft(useDraftStore.getState());
}

export function resetDraftForTest(): void {
  useDraftStore.setState(emptyDraft());
}
