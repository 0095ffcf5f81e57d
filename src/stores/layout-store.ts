/**
 * Which panels are open. Settings being open is how this visit looks, not data; the compose tab is kept with
 * the draft (the draft store owns that storage) so a reload returns to the form the student was using.
 */
import { create } from 'zustand';
import type { DraftTab } from '../services/storage/index.ts';
import { setDraft, useDraftStore } from './draft-store.ts';

export type ComposeTab = DraftTab;

export interface LayoutState {
  settingsOpen: boolean;
  tab: ComposeTab;
}

export const useLayoutStore = create<LayoutState>()(() => ({ settingsOpen: false, tab: useDraftStore.getState().tab }));

export const openSettings = () => useLayoutStore.setState({ settingsOpen: true });
export const closeSettings = () => useLayoutStore.setState({ settingsOpen: false });
export const toggleSettings = () => useLayoutStore.setState((s) => ({ settingsOpen: !s.settingsOpen }));
export const showTab = (tab: ComposeTab) => {
  useLayoutStore.setState({ tab });
  setDraft({ tab });
};
