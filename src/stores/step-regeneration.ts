/**
 * Regenerating one step of a saved solution with the configured model: reads the settings, loads the model
 * adapter on demand (so the SDK stays out of the first bundle) and reads the reply as one step. Failures are
 * values with what to do next; `needsSettings` marks those fixed in Settings.
 */
import type { StepText } from '../core/edit/edit-solution.ts';
import { stepFromReply } from '../core/edit/step-from-reply.ts';
import type { Result } from '../core/llm/result.ts';
import type { StepPromptInput } from '../core/prompt/step-prompt.ts';
import { getSettings } from './settings-store.ts';

export interface RegenerateError {
  message: string;
  hint: string;
  needsSettings: boolean;
  aborted: boolean;
}

const SETTINGS_KINDS = new Set(['no-endpoint', 'unauthorized', 'model-not-found']);

export async function regenerateSolutionStep(input: StepPromptInput, signal?: AbortSignal): Promise<Result<StepText, RegenerateError>> {
  const fail = (e: Omit<RegenerateError, 'aborted'> & { aborted?: boolean }) => ({ ok: false as const, error: { aborted: false, ...e } });
  const settings = getSettings();
  if (settings.solver !== 'model' || settings.baseURL.trim() === '' || settings.model.trim() === '') {
    return fail({
      message: 'Regenerating a step needs a model, and none is configured.',
      hint: 'Open Settings, choose "A model server" and fill in the base URL and model.',
      needsSettings: true,
    });
  }
  let llm: typeof import('../services/llm/index.ts');
  try {
    llm = await import('../services/llm/index.ts');
  } catch {
    return fail({
      message: 'The part of Stepwise that talks to model servers could not be loaded.',
      hint: 'Check your internet connection and reload the page; your edits are saved.',
      needsSettings: false,
    });
  }
  const reply = await llm.regenerateStep(settings, input, signal);
  if (!reply.ok) {
    const { kind, message, hint } = reply.error;
    return fail({ message, hint, needsSettings: SETTINGS_KINDS.has(kind), aborted: kind === 'aborted' });
  }
  const step = stepFromReply(reply.value, input.steps[input.index]?.title ?? '');
  if (!step) {
    return fail({ message: 'The model replied without any text for the step.', hint: 'Try again, or try another model.', needsSettings: false });
  }
  return { ok: true, value: step };
}
