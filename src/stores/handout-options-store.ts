/**
 * The handout options of the set being printed: loaded from storage when a set's handout page opens, saved on
 * every change so the next handout from that set starts where the teacher left off.
 */
import { create } from 'zustand';
import { defaultHandoutSettings, type HandoutSettings } from '../core/handout/stored-options.ts';
import { loadHandoutSettings, saveHandoutSettings } from '../services/storage/handout-options-storage.ts';

export interface HandoutOptionsState extends HandoutSettings {
  setId: string | null;
  notice: string | null;
}

export const useHandoutOptionsStore = create<HandoutOptionsState>()(() => ({ setId: null, notice: null, ...defaultHandoutSettings() }));

export function openHandoutOptions(setId: string): void {
  if (useHandoutOptionsStore.getState().setId === setId) return;
  const { settings, notice } = loadHandoutSettings(setId);
  useHandoutOptionsStore.setState({ setId, notice, ...settings });
}

export function changeHandoutOptions(change: Partial<HandoutSettings['options']>, paper?: HandoutSettings['paper']): void {
  const s = useHandoutOptionsStore.getState();
  const next: HandoutSettings = { options: { ...s.options, ...change }, paper: paper ?? s.paper };
  useHandoutOptionsStore.setState(next);
  if (s.setId === null) return;
  const problem = saveHandoutSettings(s.setId, next);
  if (problem !== null) useHandoutOptionsStore.setState({ notice: problem });
}

export function dismissHandoutNotice(): void {
  useHandoutOptionsStore.setState({ notice: null });
}
