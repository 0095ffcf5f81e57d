import { buildChatRequest, refusedParameter, type OptionalParam } from '../../core/llm/chat-request.ts';
import { checkSettings } from '../../core/llm/check-settings.ts';
import type { LlmError, LlmFailure } from '../../core/llm/llm-error.ts';
import { isReasoningModel } from '../../core/llm/reasoning-model.ts';
import type { Result } from '../../core/llm/result.ts';
import type { ChatMessage } from '../../core/prompt/tutor-prompt.ts';
import { deltaText, TOOL_FINISH_REASONS, toolCallName, type DeltaFields } from './delta-text.ts';
import { failureFromError } from './failure-from-error.ts';
import { createGuardedFetch } from './guarded-fetch.ts';
import { createOpenAIClient } from './openai-client.ts';
import { failureReporter, type LlmEvent, type ModelSettings } from './settings.ts';
import { createDoneWatcher } from './sse-done.ts';

export const DEFAULT_STALL_TIMEOUT_MS = 60_000;
/**
 * Reasoning models may think for minutes before the first byte, and OpenAI sends nothing meanwhile; without an
 * explicit timeout they get this much silence before it counts as a stall.
 */
export const REASONING_STALL_TIMEOUT_MS = 300_000;
/** A non-streamed reply arrives only when the whole answer is written, so it may be silent this many times longer. */
const NON_STREAMED_SILENCE_FACTOR = 10;

export interface StreamOptions {
  signal?: AbortSignal;
  onEvent: (e: LlmEvent) => void;
  /** Longest silence (no bytes at all) before the request is stopped as stalled. Default 60 s. */
  stallTimeoutMs?: number;
  /** Other messages than the tutor prompt for `problem` (a step's hints); the request is otherwise the same. */
  messages?: ChatMessage[];
}

export interface StreamOutcome {
  /** False when the server refused streaming and the answer came in one piece. */
  streamed: boolean;
  /**
   * The server's finish_reason: "stop", or "length" when the answer hit the token limit; absent when a server
   * that never sends one ended the stream properly (`data: [DONE]`).
   */
  finishReason?: string;
}

/**
 * Asks the model to solve `problem` with the tutor prompt and passes the answer on as it arrives: `content`
 * events for the answer, `reasoning` events for thinking the server exposes separately. Every failure comes back
 * as a described error; whatever was emitted before it stays valid.
 */
export async function streamSolution(
  settings: ModelSettings,
  problem: string,
  opts: StreamOptions,
): Promise<Result<StreamOutcome, LlmError>> {
  const fail = failureReporter(settings, 'solve');

  const checked = checkSettings(settings, { model: true });
  if (!checked.ok) return fail(checked.error);
  if (problem.trim() === '') return fail({ type: 'empty-problem' });
  if (opts.signal?.aborted) return fail({ type: 'aborted' });
  const { baseURL, apiKey, model } = checked.value;

  const stallMs =
    opts.stallTimeoutMs ?? (isReasoningModel(model) ? REASONING_STALL_TIMEOUT_MS : DEFAULT_STALL_TIMEOUT_MS);
  const controller = new AbortController();
  let stopped: 'user' | 'stalled' | null = null;
  let silenceMs = stallMs;
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  let lastActivity = 0;
  // Activity only stamps the time (it comes with every network read); the one timer, when it fires, looks at
  // the stamp and waits again for whatever is left of the silence allowed.
  const checkStall = () => {
    const quiet = Date.now() - lastActivity;
    if (quiet < silenceMs) {
      stallTimer = setTimeout(checkStall, silenceMs - quiet);
      return;
    }
    stopped ??= 'stalled';
    controller.abort();
  };
  const armStallTimer = () => {
    lastActivity = Date.now();
    stallTimer ??= setTimeout(checkStall, silenceMs);
  };
  const onUserAbort = () => {
    stopped ??= 'user';
    controller.abort();
  };
  opts.signal?.addEventListener('abort', onUserAbort, { once: true });

  const done = createDoneWatcher();
  const client = createOpenAIClient({
    baseURL,
    apiKey,
    fetch: createGuardedFetch({ baseURL, onActivity: armStallTimer, onBytes: done.feed }),
    // Our own stall timer governs; the SDK's whole-request timeout must not cut a long answer short.
    timeoutMs: 24 * 60 * 60 * 1000,
  });
  const stoppedFailure = (): LlmFailure =>
    stopped === 'stalled' ? { type: 'stalled', afterMs: silenceMs } : { type: 'aborted' };

  let stream = true;
  const omit = new Set<OptionalParam>();
  let received = false;
  const emit = (event: LlmEvent) => {
    if (event.text === '') return;
    received = true;
    opts.onEvent(event);
  };

  try {
    // Each refused parameter (stream, temperature, reasoning_effort) is dropped at most once: ≤ 4 attempts.
    for (;;) {
      const request = buildChatRequest({ model, reasoningEffort: settings.reasoningEffort }, problem, { stream, omit });
      const body = opts.messages ? { ...request, messages: opts.messages } : request;
      silenceMs = stream ? stallMs : stallMs * NON_STREAMED_SILENCE_FACTOR;
      armStallTimer();
      let phase: 'request' | 'stream' = 'request';
      try {
        if (!stream) {
          const completion = await client.chat.completions.create({ ...body, stream: false }, { signal: controller.signal });
          if (stopped) return fail(stoppedFailure());
          const choice = completion.choices?.[0];
          if (!choice) return fail({ type: 'unexpected-response' });
          const message = (choice.message ?? {}) as DeltaFields;
          const text = deltaText(message);
          emit({ type: 'reasoning', text: text.reasoning });
          emit({ type: 'content', text: text.content });
          const tool = toolCallName(message);
          if (tool !== null || TOOL_FINISH_REASONS.has(choice.finish_reason ?? '')) return fail({ type: 'tool-call', name: tool ?? '' });
          return { ok: true, value: { streamed: false, ...(choice.finish_reason ? { finishReason: choice.finish_reason } : {}) } };
        }

        done.reset();
        const chunks = await client.chat.completions.create({ ...body, stream: true }, { signal: controller.signal });
        phase = 'stream';
        let finishReason: string | undefined;
        let tool: string | null = null;
        let answered = false;
        for await (const chunk of chunks) {
          // vLLM's error shape, or an `event: error` with a bare message: the SDK passes these on as chunks (it
          // throws only for `{"error": …}`). A real chunk always has `choices`, if only an empty list.
          const odd = chunk as { object?: unknown; message?: unknown; choices?: unknown };
          if (odd.object === 'error' || (odd.choices === undefined && typeof odd.message === 'string')) return fail({ type: 'stream-error', ...(typeof odd.message === 'string' ? { message: odd.message } : {}) });
          for (const choice of chunk.choices ?? []) {
            if (choice.index !== undefined && choice.index !== 0) continue;
            const delta = (choice.delta ?? {}) as DeltaFields;
            const text = deltaText(delta);
            emit({ type: 'reasoning', text: text.reasoning });
            emit({ type: 'content', text: text.content });
            answered ||= text.content.trim() !== '';
            tool ??= toolCallName(delta);
            if (choice.finish_reason) finishReason = choice.finish_reason;
          }
        }
        // The SDK ends the iteration quietly when the request is aborted, so check why it ended.
        if (stopped) return fail(stoppedFailure());
        // A call with no answer around it, or a stop to wait for the tool's result: the answer will not come.
        if (TOOL_FINISH_REASONS.has(finishReason ?? '') || (tool !== null && !answered)) return fail({ type: 'tool-call', name: tool ?? '' });
        if (!finishReason && !done.seen()) return fail({ type: 'dropped' });
        return { ok: true, value: { streamed: true, ...(finishReason ? { finishReason } : {}) } };
      } catch (error) {
        if (stopped) return fail(stoppedFailure());
        const failure = failureFromError(error, phase);
        if (failure.type === 'http' && !received) {
          const refused = refusedParameter(failure);
          if (refused === 'stream' && stream) {
            stream = false;
            continue;
          }
          if (refused && refused !== 'stream' && !omit.has(refused)) {
            omit.add(refused);
            continue;
          }
        }
        return fail(failure);
      }
    }
  } finally {
    clearTimeout(stallTimer);
    opts.signal?.removeEventListener('abort', onUserAbort);
  }
}
