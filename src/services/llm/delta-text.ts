/**
 * Reads the text out of a chunk's delta (or a whole message) whatever shape the server gives it: `content` as a
 * string or as an array of content parts, and reasoning in the non-standard fields servers use. Anything not
 * understood is skipped, never stringified into the answer.
 */

/** Fields OpenAI's types leave out: `reasoning_content` (DeepSeek, vLLM, LM Studio), `reasoning` (OpenRouter,
 * Ollama), `reasoning_details` (OpenRouter), and `content` as parts (Mistral's Magistral). */
export interface DeltaFields {
  content?: unknown;
  refusal?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
  reasoning_details?: unknown;
  tool_calls?: unknown;
  function_call?: unknown;
}

export interface DeltaText {
  content: string;
  reasoning: string;
}

/** The answer text and the thinking in one delta or message. A refusal is the model's answer, shown as written. */
export function deltaText(fields: DeltaFields): DeltaText {
  const parts = contentParts(fields.content);
  const refusal = typeof fields.refusal === 'string' ? fields.refusal : '';
  return { content: parts.text + refusal, reasoning: reasoningText(fields) + parts.thinking };
}

/**
 * Some servers send the same text in several fields (OpenRouter: `reasoning` and `reasoning_details`), so only
 * the first field that has any is used.
 */
function reasoningText(fields: DeltaFields): string {
  for (const value of [fields.reasoning_content, fields.reasoning]) {
    if (typeof value === 'string' && value !== '') return value;
  }
  return reasoningDetails(fields.reasoning_details);
}

/** OpenRouter's `reasoning_details`: `reasoning.text` and `reasoning.summary` are readable; `reasoning.encrypted` is not. */
function reasoningDetails(details: unknown): string {
  if (!Array.isArray(details)) return '';
  let out = '';
  for (const d of details as { type?: unknown; text?: unknown; summary?: unknown }[]) {
    if (d?.type === 'reasoning.text' && typeof d.text === 'string') out += d.text;
    else if (d?.type === 'reasoning.summary' && typeof d.summary === 'string') out += d.summary;
  }
  return out;
}

/**
 * `content` as a string, or as parts: `{type: "text", text}` is the answer; `{type: "thinking", thinking}`
 * (Mistral: `thinking` is itself a list of text parts, or a string) is reasoning.
 */
function contentParts(content: unknown): { text: string; thinking: string } {
  if (typeof content === 'string') return { text: content, thinking: '' };
  if (!Array.isArray(content)) return { text: '', thinking: '' };
  let text = '';
  let thinking = '';
  for (const part of content as { type?: unknown; text?: unknown; thinking?: unknown }[]) {
    if (typeof part === 'string') text += part;
    else if (part?.type === 'text' && typeof part.text === 'string') text += part.text;
    else if (part?.type === 'thinking' || part?.type === 'reasoning') thinking += plainText(part.thinking ?? part.text);
  }
  return { text, thinking };
}

function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value.map((p: { text?: unknown } | string) => (typeof p === 'string' ? p : typeof p?.text === 'string' ? p.text : '')).join('');
}

/** The name of the first tool the model tried to call in this delta or message, or '' for an unnamed call;
 * null when it called none. */
export function toolCallName(fields: DeltaFields): string | null {
  if (Array.isArray(fields.tool_calls) && fields.tool_calls.length > 0) {
    const name = (fields.tool_calls[0] as { function?: { name?: unknown } } | undefined)?.function?.name;
    return typeof name === 'string' ? name : '';
  }
  if (fields.function_call && typeof fields.function_call === 'object') {
    const name = (fields.function_call as { name?: unknown }).name;
    return typeof name === 'string' ? name : '';
  }
  return null;
}

/** Finish reasons that mean the model stopped to call a tool. */
export const TOOL_FINISH_REASONS: ReadonlySet<string> = new Set(['tool_calls', 'function_call']);
