/**
 * A fake OpenAI-compatible server for tests and benchmarks: real HTTP on 127.0.0.1, `GET /v1/models` and
 * `POST /v1/chat/completions` with SSE chunks shaped exactly like OpenAI's, replaying real answers from the shared
 * corpus at a set rate, and able to produce every failure the app must explain.
 *
 * A test picks the failure per server (`scenario` / `setScenario`) or per request, which a browser test can do
 * without touching the server: a path prefix in the base URL (`http://127.0.0.1:PORT/scenario/stall/v1`, which also
 * covers CORS preflights), an `x-fake-scenario` header, or the model name (`fake-stall`). The replayed answer is
 * chosen the same way: `/record/<id>/v1`, `x-fake-record`. `/replay/<name>/v1` (or the `replay` / `sse` options) serves a
 * recorded SSE response from `e2e/streams/` byte for byte instead (see sse-replay.ts). `problemScenarios` picks a scenario by text in the
 * problem (the last user message), so one request of a batch can fail while the others succeed. It counts the chat
 * requests in flight (`concurrency()`), so a test can check a client's limit.
 *
 * It never keeps a process alive on its own (unref'd) and closes itself after `idleTimeoutMs` without requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ANSWER_FORMAT_EXAMPLE } from '../src/core/solution/answer-format.ts';
import { loadStream, replaySse } from './sse-replay.ts';

export const SCENARIOS = [
  'ok',
  'reasoning',
  'think-tags',
  'unauthorized',
  'model-not-found',
  'rate-limited',
  'server-error',
  'drop-mid-stream',
  'stall',
  'no-stream',
  'cors-blocked',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface FakeServerOptions {
  scenario?: Scenario;
  /** Corpus record id to replay; several ids separated by commas are joined into one long answer. */
  record?: string;
  /** The answer to replay; takes precedence over `record`. */
  text?: string;
  /** A recorded stream (`e2e/streams/<name>.sse`) to serve verbatim to every streamed chat request. */
  replay?: string;
  /** An SSE response body to serve verbatim; takes precedence over `replay`. */
  sse?: string;
  /** Thinking text for the `reasoning` and `think-tags` scenarios. */
  reasoningText?: string;
  /** Which non-standard delta field carries reasoning: DeepSeek/vLLM use `reasoning_content`, OpenRouter/Ollama `reasoning`. */
  reasoningField?: 'reasoning_content' | 'reasoning';
  /** Streaming rate; 0 or Infinity sends everything at once. Default 100. */
  chunksPerSecond?: number;
  /** When set, every API request must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Model ids listed by `GET /v1/models`. */
  models?: string[];
  /** Chunks (after the opening role chunk) sent before `drop-mid-stream` cuts or `stall` freezes. Default 10. */
  failAfterChunks?: number;
  /** Status for `server-error`: 500 or 503 (default 500). */
  serverErrorStatus?: number;
  /** `retry-after` seconds for `rate-limited` (default 7). */
  retryAfterSeconds?: number;
  /**
   * Scenario for a chat request whose last user message contains the key (first match wins), ahead of the
   * server-wide `scenario` (a scenario in the path, header or model name still comes first).
   */
  problemScenarios?: Record<string, Scenario>;
  /** Holds a non-streamed reply back this long (ms), so a test can see the wait and cancel it. Default 0. */
  nonStreamDelayMs?: number;
  /** Close after this long without a request. Default 60 s. */
  idleTimeoutMs?: number;
  port?: number;
  /** For the CLI: hold the process open until the idle timeout closes the server. */
  keepProcessAlive?: boolean;
  /** Defaults to <repo>/../shared/corpus/dev.jsonl. */
  corpusPath?: string | URL;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or null. */
  body: unknown;
  scenario: Scenario;
}

export interface FakeServer {
  /** Base URL to give the client: http://127.0.0.1:PORT/v1 */
  url: string;
  setScenario(scenario: Scenario): void;
  /** Change any option (except port) for later requests. */
  configure(options: Omit<FakeServerOptions, 'port' | 'keepProcessAlive' | 'corpusPath'>): void;
  /** Every request received, in order, for assertions about what the client sent. */
  requests: RecordedRequest[];
  /** Chat-completion requests open right now, and the most open at once since start or `resetConcurrency()`. */
  concurrency(): { active: number; max: number };
  resetConcurrency(): void;
  close(): Promise<void>;
  /** Resolves once the server has closed (by `close()` or the idle timeout). */
  closed: Promise<void>;
}

const DEFAULT_CORPUS = new URL('../../shared/corpus/dev.jsonl', import.meta.url);

/** The answer replayed when no record or text is chosen: the app's own answer format, as the prompt asks. */
export const DEFAULT_ANSWER = ANSWER_FORMAT_EXAMPLE;

export const DEFAULT_REASONING =
  'The student wants x from 2x + 3 = 11. Subtracting 3 gives 2x = 8, so x = 4. Check: 2·4 + 3 = 11. ' +
  'I will write it as two short steps and box the answer.';

/**
 * Splits text into token-like pieces of about four characters: a word piece with at most one leading space, or
 * a run of other whitespace (newlines). Joining the pieces gives the text back exactly; code points stay whole.
 */
export function splitIntoChunks(text: string): string[] {
  return text.match(/ ?\S{1,4}|\s+?(?= \S)|\s+/gu) ?? [];
}

const corpusCache = new Map<string, Map<string, string>>();

/** The `response` of corpus records, by id. */
export function loadCorpusAnswers(path: string | URL = DEFAULT_CORPUS): Map<string, string> {
  const key = String(path);
  let answers = corpusCache.get(key);
  if (!answers) {
    answers = new Map();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { id: string; response: string };
      answers.set(record.id, record.response);
    }
    corpusCache.set(key, answers);
  }
  return answers;
}

function answerForRecord(ids: string, corpusPath: string | URL): string {
  const answers = loadCorpusAnswers(corpusPath);
  return ids
    .split(',')
    .map((id) => {
      const answer = answers.get(id.trim());
      if (answer === undefined) throw new Error(`No record "${id.trim()}" in ${String(corpusPath)}`);
      return answer;
    })
    .join('\n\n');
}

const isScenario = (s: string | undefined | null): s is Scenario => SCENARIOS.includes(s as Scenario);

export async function startFakeServer(initial: FakeServerOptions = {}): Promise<FakeServer> {
  const corpusPath = initial.corpusPath ?? DEFAULT_CORPUS;
  let options: FakeServerOptions = { ...initial };
  // Fail at start, not mid-test, when a record id is wrong.
  if (options.record && options.text === undefined) answerForRecord(options.record, corpusPath);
  if (options.replay) loadStream(options.replay);

  const requests: RecordedRequest[] = [];
  const chats = { active: 0, max: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let idleTimer: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));

  const later = (fn: () => void, ms: number) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    t.unref();
    return t;
  };

  // Idle means no request arrived and no chunk was sent for idleTimeoutMs, so a long stream is never cut.
  let lastActivity = performance.now();
  const touch = () => {
    lastActivity = performance.now();
  };
  function scheduleIdleCheck(delay: number) {
    idleTimer = setTimeout(() => {
      const limit = options.idleTimeoutMs ?? 60_000;
      const quietFor = performance.now() - lastActivity;
      if (quietFor >= limit) void close();
      else scheduleIdleCheck(limit - quietFor);
    }, delay);
    if (!options.keepProcessAlive) idleTimer.unref();
  }

  const server = createServer((req, res) => {
    touch();
    readBody(req)
      .then((raw) => handle(req, res, raw))
      .catch((error: unknown) => {
        if (!res.headersSent) sendError(res, 500, String(error), 'server_error', null, null, true);
        else res.destroy();
      });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      if (idleTimer) clearTimeout(idleTimer);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close(() => {
        resolveClosed();
        resolve();
      });
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = parseRoute(url.pathname);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = null;
    }
    const model = typeof (body as { model?: unknown } | null)?.model === 'string' ? (body as { model: string }).model : '';
    const headerScenario = req.headers['x-fake-scenario'];
    const scenario: Scenario =
      route.scenario ??
      (isScenario(String(headerScenario)) ? (headerScenario as Scenario) : undefined) ??
      (model.startsWith('fake-') && isScenario(model.slice(5)) ? (model.slice(5) as Scenario) : undefined) ??
      scenarioForProblem(body, options.problemScenarios) ??
      options.scenario ??
      'ok';
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, scenario });

    const cors = scenario !== 'cors-blocked';
    if (cors) setCorsHeaders(req, res);

    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (route.endpoint === 'chat' && req.method === 'POST') {
      chats.active += 1;
      chats.max = Math.max(chats.max, chats.active);
      res.once('close', () => (chats.active -= 1));
    }
    if (!route.endpoint) {
      sendError(res, 404, `Unknown request URL: ${req.method} ${url.pathname}. Please check the URL for typos.`, 'invalid_request_error', null, 'unknown_url');
      return;
    }
    if (scenario === 'unauthorized' || !authorized(req)) {
      const given = /^Bearer (.*)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      sendError(
        res,
        401,
        given
          ? `Incorrect API key provided: ${maskKey(given)}. You can find your API key at https://platform.openai.com/account/api-keys.`
          : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        'invalid_request_error',
        null,
        given ? 'invalid_api_key' : null,
      );
      return;
    }
    if (scenario === 'rate-limited') {
      const seconds = options.retryAfterSeconds ?? 7;
      res.setHeader('retry-after', String(seconds));
      res.setHeader('x-ratelimit-remaining-requests', '0');
      sendError(res, 429, `Rate limit reached for requests. Please try again in ${seconds}s.`, 'requests', null, 'rate_limit_exceeded');
      return;
    }
    if (scenario === 'server-error') {
      const status = options.serverErrorStatus ?? 500;
      sendError(
        res,
        status,
        status === 503
          ? 'The engine is currently overloaded, please try again later.'
          : 'The server had an error while processing your request. Sorry about that!',
        'server_error',
        null,
        null,
      );
      return;
    }

    if (route.endpoint === 'models') {
      if (req.method !== 'GET') return sendError(res, 405, 'Use GET for /v1/models.', 'invalid_request_error', null, null);
      sendJson(res, 200, {
        object: 'list',
        data: modelIds().map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'stepwise-fake' })),
      });
      return;
    }

    if (req.method !== 'POST') return sendError(res, 405, 'Use POST for /v1/chat/completions.', 'invalid_request_error', null, null);
    if (!body || typeof body !== 'object' || !model || !Array.isArray((body as { messages?: unknown }).messages)) {
      sendError(res, 400, "Missing required parameters: 'model' and 'messages'.", 'invalid_request_error', null, 'missing_required_parameter');
      return;
    }
    if (scenario === 'model-not-found') {
      sendError(res, 404, `The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', null, 'model_not_found');
      return;
    }
    const request = body as { stream?: unknown; stream_options?: { include_usage?: unknown } };
    const stream = request.stream === true;
    if (scenario === 'no-stream' && stream) {
      sendError(
        res,
        400,
        "Unsupported value: 'stream' does not support true with this model. Only the default (false) value is supported.",
        'invalid_request_error',
        'stream',
        'unsupported_value',
      );
      return;
    }

    if (stream && (route.replay || options.sse !== undefined || options.replay)) {
      let bytes: Buffer;
      try {
        bytes = route.replay ? loadStream(route.replay) : options.sse !== undefined ? Buffer.from(options.sse, 'utf8') : loadStream(options.replay ?? '');
      } catch (error) {
        sendError(res, 400, String(error instanceof Error ? error.message : error), 'invalid_request_error', null, null);
        return;
      }
      replaySse(res, bytes, { piecesPerSecond: options.chunksPerSecond ?? 100, later, onWrite: touch });
      return;
    }

    let answer: string;
    try {
      const recordHeader = req.headers['x-fake-record'];
      const record = route.record ?? (typeof recordHeader === 'string' ? recordHeader : undefined);
      answer = record ? answerForRecord(record, corpusPath) : (options.text ?? (options.record ? answerForRecord(options.record, corpusPath) : DEFAULT_ANSWER));
    } catch (error) {
      sendError(res, 400, String(error instanceof Error ? error.message : error), 'invalid_request_error', null, null);
      return;
    }
    const reasoningText = options.reasoningText ?? DEFAULT_REASONING;
    const content = scenario === 'think-tags' ? `<think>\n${reasoningText}\n</think>\n\n${answer}` : answer;
    const reasoning = scenario === 'reasoning' ? reasoningText : null;
    const reasoningField = options.reasoningField ?? 'reasoning_content';
    const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
    const created = Math.floor(Date.now() / 1000);

    if (!stream) {
      const reply = () =>
        sendJson(res, 200, {
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content, refusal: null, ...(reasoning ? { [reasoningField]: reasoning } : {}) },
              logprobs: null,
              finish_reason: 'stop',
            },
          ],
          usage: usageFor(content),
          system_fingerprint: 'fp_stepwise_fake',
        });
      const delay = options.nonStreamDelayMs ?? 0;
      if (delay > 0) later(() => !res.destroyed && reply(), delay);
      else reply();
      return;
    }

    const includeUsage = request.stream_options?.include_usage === true;
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        service_tier: 'default',
        system_fingerprint: 'fp_stepwise_fake',
        choices,
        ...(includeUsage ? { usage: null } : {}),
        ...extra,
      })}\n\n`;
    const delta = (d: Record<string, unknown>, finish: string | null = null) => ({
      index: 0,
      delta: d,
      logprobs: null,
      finish_reason: finish,
    });

    const events: string[] = [];
    if (reasoning) {
      for (const piece of splitIntoChunks(reasoning)) events.push(chunk([delta({ content: null, [reasoningField]: piece })]));
    }
    for (const piece of splitIntoChunks(content)) events.push(chunk([delta({ content: piece })]));
    events.push(chunk([delta({}, 'stop')]));
    if (includeUsage) events.push(chunk([], { usage: usageFor(content) }));
    events.push('data: [DONE]\n\n');

    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'x-request-id': `req_${randomBytes(8).toString('hex')}`,
    });
    const failAfter = scenario === 'drop-mid-stream' || scenario === 'stall' ? (options.failAfterChunks ?? 10) : Infinity;
    // A crash: once the last chunk before it has really been sent, the socket goes away without the
    // chunked-encoding terminator. (Destroying at once could discard chunks still buffered.)
    const dropAfterWrite = (index: number) =>
      scenario === 'drop-mid-stream' && index === failAfter ? () => res.socket?.destroy() : undefined;
    res.write(chunk([delta({ role: 'assistant', content: '', refusal: null })]), dropAfterWrite(0));
    const rate = options.chunksPerSecond ?? 100;
    const interval = rate > 0 && Number.isFinite(rate) ? 1000 / rate : 0;
    const start = performance.now();
    let sent = 0;
    let stopped = false;
    res.on('close', () => (stopped = true));

    const tick = () => {
      if (stopped) return;
      touch();
      const due = interval ? Math.floor((performance.now() - start) / interval) + 1 : events.length;
      while (sent < Math.min(due, events.length)) {
        // Drop: the write callback ends it. Stall: the connection stays open and silent until the client gives
        // up or the server closes.
        if (sent >= failAfter) return;
        sent += 1;
        res.write(events[sent - 1], dropAfterWrite(sent));
      }
      if (sent >= events.length) {
        res.end();
        return;
      }
      later(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  }

  function authorized(req: IncomingMessage): boolean {
    if (!options.apiKey) return true;
    return req.headers.authorization === `Bearer ${options.apiKey}`;
  }

  function modelIds(): string[] {
    return options.models ?? ['fake-model', ...SCENARIOS.filter((s) => s !== 'ok').map((s) => `fake-${s}`)];
  }

  server.listen(initial.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  if (!initial.keepProcessAlive) server.unref();
  touch();
  scheduleIdleCheck(options.idleTimeoutMs ?? 60_000);
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    setScenario: (scenario) => {
      options = { ...options, scenario };
    },
    configure: (changes) => {
      if (changes.record && changes.text === undefined) answerForRecord(changes.record, corpusPath);
      if (changes.replay) loadStream(changes.replay);
      options = { ...options, ...changes };
    },
    requests,
    concurrency: () => ({ ...chats }),
    resetConcurrency: () => {
      chats.max = chats.active;
    },
    close,
    closed,
  };
}

/** The scenario whose key occurs in the request's last user message, if any. */
function scenarioForProblem(body: unknown, table: Record<string, Scenario> | undefined): Scenario | undefined {
  if (!table) return undefined;
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return undefined;
  const user = messages.filter((m): m is { role: string; content: unknown } => typeof m === 'object' && m !== null && (m as { role?: unknown }).role === 'user').pop();
  const text = typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '');
  return Object.entries(table).find(([key]) => text.includes(key))?.[1];
}

/** `/v1/...` optionally behind `/scenario/<name>`, `/record/<id>` and `/replay/<name>` segments. */
function parseRoute(pathname: string): { endpoint?: 'models' | 'chat'; scenario?: Scenario; record?: string; replay?: string } {
  const match = /^((?:\/(?:scenario|record|replay)\/[^/]+)*)\/v1\/(models|chat\/completions)\/?$/.exec(pathname);
  if (!match) return {};
  const route: { endpoint: 'models' | 'chat'; scenario?: Scenario; record?: string; replay?: string } = {
    endpoint: match[2] === 'models' ? 'models' : 'chat',
  };
  for (const [, kind, value] of (match[1] ?? '').matchAll(/\/(scenario|record|replay)\/([^/]+)/g)) {
    const decoded = decodeURIComponent(value ?? '');
    if (kind === 'scenario' && isScenario(decoded)) route.scenario = decoded;
    if (kind === 'record') route.record = decoded;
    if (kind === 'replay') route.replay = decoded;
  }
  return route;
}

function setCorsHeaders(req: IncomingMessage, res: ServerResponse) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  // `*` does not cover Authorization, so echo what the preflight asks for.
  res.setHeader(
    'Access-Control-Allow-Headers',
    req.headers['access-control-request-headers'] ?? 'authorization, content-type',
  );
  res.setHeader('Access-Control-Expose-Headers', 'retry-after, retry-after-ms, x-request-id');
  res.setHeader('Access-Control-Max-Age', '600');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  param: string | null,
  code: string | null,
  cors = false,
) {
  if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
  sendJson(res, status, { error: { message, type, param, code } });
}

/** As OpenAI does: the first few and last four characters. */
function maskKey(key: string): string {
  return key.length <= 8 ? '****' : `${key.slice(0, 3)}****${key.slice(-4)}`;
}

function usageFor(content: string) {
  const completion = splitIntoChunks(content).length;
  return { prompt_tokens: 200, completion_tokens: completion, total_tokens: 200 + completion };
}
