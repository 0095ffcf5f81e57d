/**
 * OpenAI's reasoning models (o1, o3, o4-mini, the gpt-5 family) reject `temperature`, expect instructions in the
 * `developer` role and take `max_completion_tokens` plus `reasoning_effort`. Routers prefix the id with the
 * provider ("openai/o3-mini"), and dated snapshots add a suffix ("o1-2024-12-17"), so both are tolerated.
 */
const REASONING_ID = /^(?:o1|o3|o4-mini)(?:$|[-.:])|^gpt-5(?:$|[-.:])/;

/** The "chat" snapshots of gpt-5 (e.g. gpt-5-chat-latest) are the non-reasoning ChatGPT model. */
const NON_REASONING_VARIANT = /-chat(?:$|[-.:])/;

export function isReasoningModel(modelId: string): boolean {
  const bare = modelId.trim().toLowerCase().split('/').pop() ?? '';
  return REASONING_ID.test(bare) && !NON_REASONING_VARIANT.test(bare);
}
