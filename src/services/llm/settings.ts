import type { ReasoningEffort } from '../../core/llm/chat-request.ts';
import { describeFailure, type LlmError, type LlmFailure } from '../../core/llm/llm-error.ts';

export interface ModelSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  reasoningEffort: ReasoningEffort;
}

export type LlmEvent = { type: 'content'; text: string } | { type: 'reasoning'; text: string };

/** The page's origin, for CORS advice; absent outside a browser. */
export function pageOrigin(): string | undefined {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined;
}

/** How a request with these settings reports a failure: a described error naming the server, model and fix. */
export function failureReporter(settings: ModelSettings, operation: 'solve' | 'list-models') {
  return (failure: LlmFailure): { ok: false; error: LlmError } => ({
    ok: false,
    error: describeFailure(failure, {
      baseURL: settings.baseURL.trim(),
      ...(operation === 'solve' ? { model: settings.model.trim() } : {}),
      operation,
      apiKey: settings.apiKey.trim(),
      pageOrigin: pageOrigin(),
    }),
  });
}
