/**
 * The user's solver settings and their stored form. The API key is stored apart from the rest (session-only
 * unless the user asks to remember it), so it is not part of `StoredSettings`.
 */
import type { ReasoningEffort } from '../llm/chat-request.ts';

export const SETTINGS_VERSION = 1;

/** `builtin`: the offline solver; `model`: an OpenAI-compatible server. */
export type SolverChoice = 'model' | 'builtin';

export interface Settings {
  solver: SolverChoice;
  baseURL: string;
  apiKey: string;
  model: string;
  reasoningEffort: ReasoningEffort;
  /** Keep the API key in localStorage instead of sessionStorage. */
  remember: boolean;
  /** Seconds of silence from the server before a request counts as stalled; 0 = the adapter's default. */
  silenceTimeoutSeconds: number;
  /** "Try each step first": "Next step" asks once per step whether to try it or get a hint first. */
  tryFirst: boolean;
}

export type StoredSettings = Omit<Settings, 'apiKey'> & { v: typeof SETTINGS_VERSION };

export const defaultSettings = (): Settings => ({
  solver: 'builtin',
  baseURL: '',
  apiKey: '',
  model: '',
  reasoningEffort: 'medium',
  remember: false,
  silenceTimeoutSeconds: 0,
  tryFirst: true,
});

export function toStored(s: Settings): StoredSettings {
  return {
    v: SETTINGS_VERSION,
    solver: s.solver,
    baseURL: s.baseURL,
    model: s.model,
    reasoningEffort: s.reasoningEffort,
    remember: s.remember,
    silenceTimeoutSeconds: s.silenceTimeoutSeconds,
    tryFirst: s.tryFirst,
  };
}

/**
 * Reads stored settings (JSON text or null). Invalid fields fall back to defaults and are named in `repaired`;
 * unreadable text gives the defaults with a problem to report, never an exception.
 */
export function readStoredSettings(text: string | null): { settings: Omit<Settings, 'apiKey'>; repaired: string[] } {
  const { apiKey: _unused, ...defaults } = defaultSettings();
  if (text === null) return { settings: defaults, repaired: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { settings: defaults, repaired: ['all (not JSON)'] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings: defaults, repaired: ['all'] };
  const r = raw as Record<string, unknown>;
  // Version 1 is the first; a newer version's fields are read where they still match.
  const repaired: string[] = [];
  const pick = <T>(name: keyof typeof defaults, ok: (x: unknown) => x is T, fallback: T): T => {
    if (ok(r[name])) return r[name];
    if (r[name] !== undefined) repaired.push(name);
    return fallback;
  };
  const isString = (x: unknown): x is string => typeof x === 'string';
  return {
    settings: {
      solver: pick('solver', (x): x is SolverChoice => x === 'model' || x === 'builtin', defaults.solver),
      baseURL: pick('baseURL', isString, defaults.baseURL),
      model: pick('model', isString, defaults.model),
      reasoningEffort: pick(
        'reasoningEffort',
        (x): x is ReasoningEffort => x === 'low' || x === 'medium' || x === 'high',
        defaults.reasoningEffort,
      ),
      remember: pick('remember', (x): x is boolean => typeof x === 'boolean', defaults.remember),
      silenceTimeoutSeconds: pick(
        'silenceTimeoutSeconds',
        (x): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 3600,
        defaults.silenceTimeoutSeconds,
      ),
      // Settings saved before "Your turn" have none: the default (on) applies.
      tryFirst: pick('tryFirst', (x): x is boolean => typeof x === 'boolean', defaults.tryFirst),
    },
    repaired,
  };
}
