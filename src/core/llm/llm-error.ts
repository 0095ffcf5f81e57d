import { hostOf, isLocalHost } from './base-url.ts';
import { presetForBaseURL } from './model-presets.ts';
import { describeNetworkFailure } from './network-failure.ts';

export type LlmErrorKind =
  | 'no-endpoint'
  | 'unauthorized'
  | 'model-not-found'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'dropped'
  | 'stalled'
  | 'aborted'
  | 'bad-request';

/** A failure as the user sees it: what happened (`message`) and what to do next (`hint`). */
export interface LlmError {
  kind: LlmErrorKind;
  message: string;
  hint: string;
  status?: number;
  retryAfterSeconds?: number;
}

export interface HeaderSource {
  get(name: string): string | null;
}

/** What went wrong, in transport terms; the service layer builds these from SDK exceptions. */
export type LlmFailure =
  | { type: 'no-endpoint'; problem: 'empty' | 'not-a-url' | 'not-http' | 'has-credentials' | 'no-model'; input?: string }
  | { type: 'missing-key' }
  | { type: 'http'; status: number; headers?: HeaderSource; message?: string; code?: string | null; param?: string | null }
  | { type: 'network' }
  /** A 2xx answer that is not OpenAI's JSON, e.g. a web page served at a wrong base URL. */
  | { type: 'unexpected-response' }
  | { type: 'empty-problem' }
  | { type: 'redirect'; status?: number }
  | { type: 'stream-error'; message?: string }
  | { type: 'dropped' }
  /** The model stopped to call a tool (`finish_reason: "tool_calls"`, or tool-call deltas and no answer). */
  | { type: 'tool-call'; name: string }
  | { type: 'stalled'; afterMs: number }
  | { type: 'aborted' };

export interface FailureContext {
  baseURL: string;
  model?: string;
  operation: 'solve' | 'list-models';
  /** Origin of the page that made the request, for CORS, private-network and mixed-content advice. */
  pageOrigin?: string;
  /** The API key, so a server that echoes it back cannot get it onto the screen. */
  apiKey?: string;
  now?: number;
}

const KEPT = 'The steps received so far are kept.';

export function describeFailure(failure: LlmFailure, ctx: FailureContext): LlmError {
  const host = hostOf(ctx.baseURL);
  const preset = presetForBaseURL(ctx.baseURL);
  const said = (message: string | undefined) => {
    const text = serverText(message, ctx.apiKey);
    return text ? ` The server said: "${text}"` : '';
  };

  switch (failure.type) {
    case 'no-endpoint':
      return describeMissingEndpoint(failure.problem, failure.input);
    case 'missing-key':
      return {
        kind: 'unauthorized',
        message: `${preset?.label ?? host} needs an API key, and none is set.`,
        hint: preset?.keyHint ?? 'Enter the API key in Settings.',
      };
    case 'redirect':
      return {
        kind: 'bad-request',
        message: `${host} redirected the request to another address${failure.status ? ` (${failure.status})` : ''}.`,
        hint: 'Redirects are not followed, so your key only ever goes to the address you entered. Enter the final address (often https:// instead of http://) as the base URL.',
        ...(failure.status ? { status: failure.status } : {}),
      };
    case 'network':
      return describeNetworkFailure(ctx.baseURL, ctx.pageOrigin);
    case 'unexpected-response':
      return {
        kind: 'bad-request',
        message: `${host} answered, but not like an OpenAI-compatible API.`,
        hint: `Check the base URL: it usually ends in /v1${preset ? `, e.g. ${preset.baseURL}` : ''}.`,
      };
    case 'empty-problem':
      return { kind: 'bad-request', message: 'There is no problem to solve.', hint: 'Type or paste a problem first.' };
    case 'stream-error':
      return {
        kind: 'server-error',
        message: `${host} reported an error in the middle of the answer.${said(failure.message)}`,
        hint: `${KEPT} Try again; if it repeats, try another model.`,
      };
    case 'dropped':
      return {
        kind: 'dropped',
        message: `The connection to ${host} closed before the answer was finished.`,
        hint: `${KEPT} Ask again for the complete solution; if it keeps happening, the server may be crashing or a proxy may be cutting long requests.`,
      };
    case 'tool-call':
      return {
        kind: 'bad-request',
        message: `The model tried to call a tool${failure.name ? ` ("${serverText(failure.name, ctx.apiKey)}")` : ''} instead of answering, and Stepwise offers none.`,
        hint: `${KEPT} Try another model${ctx.model ? ` than "${ctx.model}"` : ''}, or turn tool (function) calling off for this model on the server, e.g. a chat template without tools or no automatic tool choice.`,
      };
    case 'stalled':
      return {
        kind: 'stalled',
        message: `${host} sent nothing for ${seconds(failure.afterMs)}, so the request was stopped.`,
        hint: `${KEPT} The server may be overloaded or still loading the model; try again in a moment.`,
      };
    case 'aborted':
      return { kind: 'aborted', message: 'Stopped.', hint: `${KEPT} Ask again to get the full solution.` };
    case 'http':
      return describeHttp(failure, ctx, host, said);
  }
}

function describeMissingEndpoint(problem: Extract<LlmFailure, { type: 'no-endpoint' }>['problem'], input = ''): LlmError {
  switch (problem) {
    case 'empty':
      return {
        kind: 'no-endpoint',
        message: 'No model server is set up.',
        hint: 'Open Settings and pick a server (for example Ollama or OpenAI) and a model, or use the built-in solver, which works offline.',
      };
    case 'no-model':
      return {
        kind: 'no-endpoint',
        message: 'No model is chosen.',
        hint: 'Open Settings and enter a model name, or use "Test connection" to list the models the server has.',
      };
    case 'has-credentials':
      return {
        kind: 'no-endpoint',
        message: 'The base URL contains a user name or password.',
        hint: 'Remove it from the URL and put the key in the API key field; the key is only ever sent in a request header.',
      };
    case 'not-a-url':
    case 'not-http':
      return {
        kind: 'no-endpoint',
        message: `"${input}" is not a server address.`,
        hint: 'Enter the base URL starting with http:// or https://, for example http://localhost:11434/v1.',
      };
  }
}

function describeHttp(
  f: Extract<LlmFailure, { type: 'http' }>,
  ctx: FailureContext,
  host: string,
  said: (m: string | undefined) => string,
): LlmError {
  const preset = presetForBaseURL(ctx.baseURL);
  const { status } = f;
  const retryAfterSeconds = f.headers ? parseRetryAfter(f.headers, f.message, ctx.now) : undefined;
  const retry = retryAfterSeconds !== undefined ? { retryAfterSeconds } : {};

  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      message: `${host} rejected the API key (401).${said(f.message)}`,
      hint: `Check the API key in Settings. ${preset?.keyHint ?? 'If this server needs no key, leave the field empty.'}`,
    };
  }
  if (status === 403) {
    return {
      kind: 'unauthorized',
      status,
      message: `${host} refused access (403).${said(f.message)}`,
      hint: 'Your key may not have access to this model or this region; check its permissions in your account, or pick another model.',
    };
  }
  if (status === 404) {
    const aboutModel = f.code === 'model_not_found' || /model/i.test(f.message ?? '');
    if (ctx.operation === 'solve' && aboutModel) {
      return {
        kind: 'model-not-found',
        status,
        message: `${host} has no model "${ctx.model ?? ''}" (404).${said(f.message)}`,
        hint: `${preset?.modelHint ?? 'Use "Test connection" to list the models the server has, and pick one.'} Model names must match exactly.`,
      };
    }
    return {
      kind: 'bad-request',
      status,
      message: `${host} has no OpenAI-compatible API at this address (404).`,
      hint: `Check the base URL: it usually ends in /v1${preset ? `, e.g. ${preset.baseURL}` : ''}.`,
    };
  }
  if (status === 429) {
    if (f.code === 'insufficient_quota' || /quota|billing|credits?\b/i.test(f.message ?? '')) {
      return {
        kind: 'rate-limited',
        status,
        message: `Your account at ${host} has run out of credit or quota (429).${said(f.message)}`,
        hint: 'Add credit or raise the limit in your account\'s billing settings; waiting will not help.',
      };
    }
    return {
      kind: 'rate-limited',
      status,
      ...retry,
      message: `${host} is limiting how often you can ask (429).`,
      hint:
        retryAfterSeconds !== undefined
          ? `Wait ${retryAfterSeconds} s, then try again.`
          : 'Wait a minute, then try again.',
    };
  }
  if (status >= 500) {
    const what =
      status === 503
        ? 'is overloaded or still loading the model'
        : status === 502 || status === 504
          ? 'could not get an answer from the model behind it'
          : 'had an internal error';
    return {
      kind: 'server-error',
      status,
      ...retry,
      message: `${host} ${what} (${status}).${said(f.message)}`,
      hint: `Try again ${retryAfterSeconds !== undefined ? `in ${retryAfterSeconds} s` : 'in a moment'}. If it keeps failing, check the server's log${isLocalHost(safeHostname(ctx.baseURL)) ? '' : ' or its status page'}.`,
    };
  }
  const tooLong = /context|too long|too many tokens|maximum.*tokens/i.test(f.message ?? '');
  return {
    kind: 'bad-request',
    status,
    message: `${host} refused the request (${status}).${said(f.message)}`,
    hint: tooLong
      ? 'The problem is too long for this model: shorten it, or pick a model with a larger context.'
      : 'Check the model name and settings; the server\'s message says what it did not accept.',
  };
}

/**
 * Seconds to wait, from `retry-after-ms` (OpenAI's precise header), `retry-after` (seconds or an HTTP date),
 * or, failing both, OpenAI's "Please try again in 1.5s" wording. Whole seconds, rounded up.
 */
export function parseRetryAfter(headers: HeaderSource, message?: string, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return wholeSeconds(Number(ms) / 1000);
  const value = headers.get('retry-after')?.trim();
  if (value) {
    if (/^\d+(\.\d+)?$/.test(value)) return wholeSeconds(Number(value));
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return wholeSeconds((date - now) / 1000);
  }
  const said = /try again in (\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(message ?? '');
  if (said) return wholeSeconds(Number(said[1]) / (said[2]?.toLowerCase() === 'ms' ? 1000 : 1));
  return undefined;
}

function seconds(ms: number): string {
  const n = Math.max(1, Math.round(ms / 1000));
  return n === 1 ? '1 second' : `${n} seconds`;
}

function wholeSeconds(seconds: number): number {
  return Math.max(0, Math.ceil(seconds));
}

const MAX_SERVER_TEXT = 300;

/** A server's own message, trimmed for display, with the key (and anything shaped like one) hidden. */
export function serverText(message: string | undefined, apiKey?: string): string {
  if (!message) return '';
  let text = message.replace(/\s+/g, ' ').trim();
  if (apiKey && apiKey.length >= 4) text = text.split(apiKey).join('[key hidden]');
  text = text.replace(/\b(sk-[A-Za-z0-9_-]{4})[A-Za-z0-9_*-]{12,}/g, '$1…');
  return text.length > MAX_SERVER_TEXT ? `${text.slice(0, MAX_SERVER_TEXT - 1)}…` : text;
}

function safeHostname(baseURL: string): string {
  try {
    return new URL(baseURL).hostname;
  } catch {
    return '';
  }
}
