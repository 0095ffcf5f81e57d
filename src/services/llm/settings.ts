import type { ReasoningEffort } from '../../core/llm/chat-request.ts';

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
