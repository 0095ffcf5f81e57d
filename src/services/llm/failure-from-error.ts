import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { LlmFailure } from '../../core/llm/llm-error.ts';
import { OutsideBaseUrlError, RedirectRefusedError } from './guarded-fetch.ts';

/**
 * Turns whatever the SDK or fetch threw into a transport-level failure. `phase` says whether the answer had
 * started arriving: an exception while reading the stream means the connection dropped.
 */
export function failureFromError(error: unknown, phase: 'request' | 'stream'): LlmFailure {
  if (error instanceof APIUserAbortError) return { type: 'aborted' };
  if (error instanceof APIConnectionTimeoutError) return { type: 'stalled', afterMs: 0 };
  if (error instanceof APIConnectionError) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof RedirectRefusedError) return { type: 'redirect', status: cause.status };
    if (cause instanceof OutsideBaseUrlError) return { type: 'redirect' };
    return { type: 'network' };
  }
  if (error instanceof APIError) {
    const body = (error.error ?? {}) as { message?: unknown };
    const message = typeof body.message === 'string' ? body.message : undefined;
    if (error.status === undefined) return { type: 'stream-error', ...(message ? { message } : {}) };
    return {
      type: 'http',
      status: error.status,
      ...(error.headers ? { headers: error.headers } : {}),
      ...(message ? { message } : {}),
      code: typeof error.code === 'string' ? error.code : null,
      param: typeof error.param === 'string' ? error.param : null,
    };
  }
  if (error instanceof SyntaxError) return phase === 'stream' ? { type: 'stream-error', message: 'malformed data' } : { type: 'unexpected-response' };
  if (error instanceof Error && error.name === 'AbortError') return { type: 'aborted' };
  return phase === 'stream' ? { type: 'dropped' } : { type: 'network' };
}
