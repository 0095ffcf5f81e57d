/** A set's handout options in localStorage, one key per set; validated on load (core/handout/stored-options). */
import { readStoredHandoutSettings, type HandoutSettings } from '../../core/handout/stored-options.ts';
import { readText, writeText } from './web-storage.ts';

const key = (setId: string) => `stepwise.handout.${setId}`;

export interface LoadedHandoutSettings {
  settings: HandoutSettings;
  /** For the user when stored options were damaged and partly reset. */
  notice: string | null;
}

export function loadHandoutSettings(setId: string): LoadedHandoutSettings {
  const text = readText('local', key(setId));
  let raw: unknown = null;
  let unreadable = false;
  if (text !== null) {
    try {
      raw = JSON.parse(text);
    } catch {
      unreadable = true;
    }
  }
  const { repaired, ...settings } = readStoredHandoutSettings(raw);
  const reset = unreadable ? ['all'] : repaired;
  return {
    settings,
    notice: reset.length > 0 ? `Some saved handout options could not be read and were reset (${reset.join(', ')}). Check them below.` : null,
  };
}

/** Null when saved, else a message for the user (the options still apply to this visit). */
export function saveHandoutSettings(setId: string, settings: HandoutSettings): string | null {
  const problem = writeText('local', key(setId), JSON.stringify(settings));
  return problem === null ? null : `Handout options could not be saved in this browser: ${problem}`;
}
