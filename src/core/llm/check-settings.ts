import { normalizeBaseURL } from './base-url.ts';
import type { LlmFailure } from './llm-error.ts';
import { presetForBaseURL } from './model-presets.ts';
import type { Result } from './result.ts';

/** Settings problems found before any request is sent, so none is sent to a half-configured server. */
export function checkSettings(
  settings: { baseURL: string; apiKey: string; model: string },
  needs: { model: boolean },
): Result<{ baseURL: string; apiKey: string; model: string }, LlmFailure> {
  const base = normalizeBaseURL(settings.baseURL);
  if (!base.ok) return { ok: false, error: { type: 'no-endpoint', problem: base.error, input: settings.baseURL.trim() } };
  const model = settings.model.trim();
  if (needs.model && model === '') return { ok: false, error: { type: 'no-endpoint', problem: 'no-model' } };
  // Pasted keys often carry a stray newline or space, which servers reject as a wrong key.
  const apiKey = settings.apiKey.trim();
  if (apiKey === '' && presetForBaseURL(base.value)?.needsKey) return { ok: false, error: { type: 'missing-key' } };
  return { ok: true, value: { baseURL: base.value, apiKey, model } };
}
