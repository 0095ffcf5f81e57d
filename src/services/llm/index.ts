/**
 * The model adapter: the only module that talks to OpenAI-compatible servers (and the only one importing the
 * `openai` SDK). The UI loads it with a dynamic import so the SDK stays out of the initial bundle.
 */
export type { ModelSettings, LlmEvent } from './settings.ts';
export type { LlmError, LlmErrorKind } from '../../core/llm/llm-error.ts';
export type { Result } from '../../core/llm/result.ts';
export { streamSolution, DEFAULT_STALL_TIMEOUT_MS, REASONING_STALL_TIMEOUT_MS, type StreamOptions, type StreamOutcome } from './stream-solution.ts';
export { listModels, LIST_MODELS_TIMEOUT_MS } from './list-models.ts';
export { regenerateStep, REGENERATE_TIMEOUT_MS, REASONING_REGENERATE_TIMEOUT_MS } from './regenerate-step.ts';
export { streamHint, HINT_STALL_TIMEOUT_MS } from './stream-hint.ts';
