import { readStoredSettings, toStored, type Settings } from '../../core/settings/settings.ts';
import { readText, writeText } from './web-storage.ts';

const SETTINGS_KEY = 'stepwise.settings';
/** The API key lives under its own key, in sessionStorage unless the user chose "Remember on this device". */
const API_KEY = 'stepwise.apiKey';

export interface LoadedSettings {
  settings: Settings;
  /** Something to tell the user, e.g. that stored settings were damaged and reset. */
  notice: string | null;
}

export function loadSettings(): LoadedSettings {
  const { settings, repaired } = readStoredSettings(readText('local', SETTINGS_KEY));
  const apiKey = (settings.remember ? readText('local', API_KEY) : readText('session', API_KEY)) ?? '';
  return {
    settings: { ...settings, apiKey },
    notice:
      repaired.length > 0
        ? `Some saved settings could not be read and were reset (${repaired.join(', ')}). Check them in Settings.`
        : null,
  };
}

/** Saves settings; returns an error message when the browser refused to store them. */
export function saveSettings(settings: Settings): string | null {
  const problems = [
    writeText('local', SETTINGS_KEY, JSON.stringify(toStored(settings))),
    // The key is kept in exactly one place, so unticking "Remember" really forgets it on this device.
    writeText(settings.remember ? 'local' : 'session', API_KEY, settings.apiKey === '' ? null : settings.apiKey),
    writeText(settings.remember ? 'session' : 'local', API_KEY, null),
  ].filter((p): p is string => p !== null);
  return problems.length > 0 ? `Settings could not be saved in this browser: ${problems[0]}` : null;
}
