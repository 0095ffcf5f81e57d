/**
 * Solver settings: which solver, the model server, key and model. Saved on every change (web storage is
 * synchronous and small); the key stays session-only unless "Remember on this device" is ticked.
 */
import { create } from 'zustand';
import { findPreset, type PresetId } from '../core/llm/model-presets.ts';
import { defaultSettings, type Settings } from '../core/settings/settings.ts';
import { loadSettings, saveSettings } from '../services/storage/index.ts';

export interface SettingsState extends Settings {
  /** Problems reading or writing the stored settings, shown in the settings panel. */
  notice: string | null;
}

function initialState(): SettingsState {
  const loaded = loadSettings();
  return { ...loaded.settings, notice: loaded.notice };
}

export const useSettingsStore = create<SettingsState>()(() => initialState());

function settingsOf(s: SettingsState): Settings {
  return {
    solver: s.solver,
    baseURL: s.baseURL,
    apiKey: s.apiKey,
    model: s.model,
    reasoningEffort: s.reasoningEffort,
    remember: s.remember,
    silenceTimeoutSeconds: s.silenceTimeoutSeconds,
    tryFirst: s.tryFirst,
  };
}

export function updateSettings(patch: Partial<Settings>): void {
  const next = { ...useSettingsStore.getState(), ...patch };
  const problem = saveSettings(settingsOf(next));
  useSettingsStore.setState({ ...patch, notice: problem });
}

/**
 * Fills in a preset's server. The model is replaced only when it was empty or another preset's example, so a
 * model the user typed is kept.
 */
export function applyPreset(id: PresetId): void {
  const preset = findPreset(id);
  if (!preset) return;
  const { model } = useSettingsStore.getState();
  const wasExample = model === '' || [...PRESET_EXAMPLES].includes(model);
  updateSettings({
    solver: 'model',
    baseURL: preset.baseURL,
    ...(wasExample ? { model: preset.exampleModel } : {}),
  });
}

const PRESET_EXAMPLES = new Set(
  (['openai', 'openrouter', 'ollama', 'lmstudio', 'vllm', 'llamacpp'] as const).map((p) => findPreset(p)?.exampleModel ?? ''),
);

export function getSettings(): Settings {
  return settingsOf(useSettingsStore.getState());
}

/** For tests: back to the defaults without touching storage. */
export function resetSettingsForTest(patch: Partial<Settings> = {}): void {
  useSettingsStore.setState({ ...defaultSettings(), ...patch, notice: null });
}

