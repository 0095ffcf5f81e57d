export type { Result } from './result.ts';
export { isReasoningModel } from './reasoning-model.ts';
export { MODEL_PRESETS, findPreset, presetForBaseURL, type ModelPreset, type PresetId } from './model-presets.ts';
export { normalizeBaseURL, hostOf } from './base-url.ts';
export {
  describeFailure,
  parseRetryAfter,
  type LlmError,
  type LlmErrorKind,
  type LlmFailure,
  type FailureContext,
} from './llm-error.ts';
export { buildChatRequest, refusedParameter, type ReasoningEffort, type ChatRequestBody } from './chat-request.ts';
export { checkSettings } from './check-settings.ts';
export { extractServerError } from './error-body.ts';
