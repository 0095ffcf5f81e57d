import { buildTutorMessages, type ChatMessage } from '../prompt/tutor-prompt.ts';
import { isReasoningModel } from './reasoning-model.ts';

export type ReasoningEffort = 'low' | 'medium' | 'high';

/** Parameters a server may refuse; each can be dropped and the request retried once without it. */
export type OptionalParam = 'temperature' | 'reasoning_effort';

export interface ChatRequestBody {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  temperature?: number;
  max_completion_tokens?: number;
  reasoning_effort?: ReasoningEffort;
}

/** Low: a worked solution should be careful, not creative. */
export const TUTOR_TEMPERATURE = 0.2;

/**
 * Reasoning tokens count against `max_completion_tokens`; OpenAI advises reserving about 25,000 for reasoning
 * plus the visible answer, and a cap that is too small yields an empty reply.
 */
export const REASONING_MAX_COMPLETION_TOKENS = 25_000;

export function buildChatRequest(
  settings: { model: string; reasoningEffort: ReasoningEffort },
  problem: string,
  opts: { stream: boolean; omit?: ReadonlySet<OptionalParam> },
): ChatRequestBody {
  const model = settings.model.trim();
  const reasoning = isReasoningModel(model);
  const omit = opts.omit ?? new Set<OptionalParam>();
  const body: ChatRequestBody = {
    model,
    messages: buildTutorMessages(problem, { reasoningModel: reasoning }),
    stream: opts.stream,
  };
  if (reasoning) {
    body.max_completion_tokens = REASONING_MAX_COMPLETION_TOKENS;
    if (!omit.has('reasoning_effort')) body.reasoning_effort = settings.reasoningEffort;
  } else if (!omit.has('temperature')) {
    body.temperature = TUTOR_TEMPERATURE;
  }
  return body;
}

/**
 * Which parameter a 400 response refuses, if it is one the request can do without. OpenAI answers e.g.
 * `{"param":"stream","code":"unsupported_value","message":"Unsupported value: 'stream' does not support true …"}`;
 * other servers only say it in the message.
 */
export function refusedParameter(failure: {
  status: number;
  message?: string;
  code?: string | null;
  param?: string | null;
}): 'stream' | OptionalParam | null {
  if (failure.status !== 400) return null;
  const message = failure.message ?? '';
  for (const name of ['stream', 'temperature', 'reasoning_effort'] as const) {
    if (failure.param === name) return name;
    const quoted = new RegExp(`['"\`]${name}['"\`]`);
    if (quoted.test(message) && /unsupported|not supported|does not support|isn't supported|not allowed/i.test(message)) {
      return name;
    }
  }
  // Servers that cannot stream at all rarely name the parameter precisely.
  if (/\bstream(ing)?\b/i.test(message) && /unsupported|not supported|does not support|isn't supported|not allowed|disabled/i.test(message)) {
    return 'stream';
  }
  return null;
}
