/** Which panels are open. Not saved: it is how this visit looks, not data. */
import { create } from 'zustand';

export type ComposeTab = 'ask' | 'paste';

export interface LayoutState {
  settingsOpen: boolean;
  tab: ComposeTab;
}

export const useLayoutStore = create<LayoutState>()(() => ({ settingsOpen: false, tab: 'ask' }));

export const openSettings = () => useLayoutStore.setState({ settingsOpen: true });
export const closeSettings = () => useLayoutStore.setState({ settingsOpen: false });
export const toggleSettings = () => useLayoutStore.setState((s) => ({ settingsOpen: !s.settingsOpen }));
export const showTab = (tab: ComposeTab) => useLayoutStore.setState({ tab });
