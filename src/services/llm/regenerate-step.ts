import { buildChatRequest, refusedParameter, type OptionalParam } from '../../core/llm/chat-request.ts';
import { checkSettings } from '../../core/llm/check-settings.ts';
import type { LlmError } from '../../core/llm/llm-error.ts';
import { isReasoningModel } from '../../core/llm/reasoning-model.ts';
import type { Result } from '../../core/llm/result.ts';
import { buildStepMessages, type StepPromptInput } from '../../core/prompt/step-prompt.ts';
import { failureFromError } from './failure-from-error.ts';
import { createDeadline } from './deadline.ts';
import { deltaText, type DeltaFields } from './delta-text.ts';
import { createGuardedFetch } from './guarded-fetch.ts';
import { createOpenAIClient } from './openai-client.ts';
import { failureReporter, type ModelSettings } from './settings.ts';

/** One step is short; a server silent this long is not going to answer (reasoning models think longer). */
export const REGENERATE_TIMEOUT_MS = 120_000;
export const REASONING_REGENERATE_TIMEOUT_MS = 600_000;

/**
 * Asks the model to rewrite one step of a solution (see core/prompt/step-prompt.ts), in one non-streamed
 * request, and returns the reply's text. Parameters the server refuses (temperature, reasoning_effort) are
 * dropped and the request retried once each, as when solving. Failures are described errors.
 */
export async function regenerateStep(settings: ModelSettings, input: StepPromptInput, signal?: AbortSignal): Promise<Result<string, LlmError>> {
  const fail = failureReporter(settings, 'solve');

  const checked = checkSettings(settings, { model: true });
  if (!checked.ok) return fail(checked.error);
  if (input.problem.trim() === '') return fail({ type: 'empty-problem' });
  if (signal?.aborted) return fail({ type: 'aborted' });
  const { baseURL, apiKey, model } = checked.value;
  const reasoningModel = isReasoningModel(model);
  const timeoutMs = reasoningModel ? REASONING_REGENERATE_TIMEOUT_MS : REGENERATE_TIMEOUT_MS;

  const deadline = createDeadline(timeoutMs, signal);
  const client = createOpenAIClient({ baseURL, apiKey, fetch: createGuardedFetch({ baseURL, onActivity: () => undefined }), timeoutMs: timeoutMs * 2 });
  const messages = buildStepMessages(input, { reasoningModel });
  const omit = new Set<OptionalParam>();

  try {
    for (;;) {
      const body = { ...buildChatRequest({ model, reasoningEffort: settings.reasoningEffort }, input.problem, { stream: false, omit }), messages };
      try {
        const completion = await client.chat.completions.create({ ...body, stream: false }, { signal: deadline.signal });
        if (deadline.stopped()) break;
        const message = completion.choices?.[0]?.message;
        if (!message) return fail({ type: 'unexpected-response' });
        // Content parts (Mistral) give their text parts; thinking is not part of the step.
        return { ok: true, value: deltaText(message as DeltaFields).content };
      } catch (error) {
        if (deadline.stopped()) break;
        const failure = failureFromError(error, 'request');
        const refused = failure.type === 'http' ? refusedParameter(failure) : null;
        if (refused && refused !== 'stream' && !omit.has(refused)) {
          omit.add(refused);
          continue;
        }
        return fail(failure);
      }
    }
    return fail(deadline.stopped() === 'stalled' ? { type: 'stalled', afterMs: timeoutMs } : { type: 'aborted' });
  } finally {
    deadline.dispose();
  }
}
