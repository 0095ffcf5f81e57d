import type { LlmError } from '../../core/llm/llm-error.ts';
import { isReasoningModel } from '../../core/llm/reasoning-model.ts';
import type { Result } from '../../core/llm/result.ts';
import { buildHintMessages, type HintPromptInput } from '../../core/prompt/hint-prompt.ts';
import type { ModelSettings } from './settings.ts';
import { streamSolution, type StreamOutcome } from './stream-solution.ts';

/** A hint is two short lines: a server silent this long is not going to answer. */
export const HINT_STALL_TIMEOUT_MS = 45_000;

/**
 * Asks the model for the hints of one step (see core/prompt/hint-prompt.ts), streamed like an answer: the reply's
 * text goes to `onText` as it arrives (thinking the server sends apart is dropped: the student sees only hints).
 */
export function streamHint(
  settings: ModelSettings,
  input: HintPromptInput,
  opts: { signal?: AbortSignal; onText: (text: string) => void },
): Promise<Result<StreamOutcome, LlmError>> {
  const messages = buildHintMessages(input, { reasoningModel: isReasoningModel(settings.model.trim()) });
  return streamSolution(settings, input.problem, {
    messages,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(isReasoningModel(settings.model.trim()) ? {} : { stallTimeoutMs: HINT_STALL_TIMEOUT_MS }),
    onEvent: (e) => {
      if (e.type === 'content') opts.onText(e.text);
    },
  });
}
