// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ANSWER, DEFAULT_REASONING, loadCorpusAnswers, startFakeServer, type FakeServer } from '../../../e2e/fake-server.ts';
import { streamSolution, type LlmEvent, type ModelSettings } from './index.ts';

const KEY = 'sk-test-0123456789abcdef';
let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer({ apiKey: KEY, chunksPerSecond: 0 });
});
afterAll(() => server.close());
afterEach(() => {
  server.configure({ scenario: 'ok', chunksPerSecond: 0, text: undefined, record: undefined, reasoningField: undefined });
  server.requests.length = 0;
});

const settings = (over: Partial<ModelSettings> = {}): ModelSettings => ({
  baseURL: server.url,
  apiKey: KEY,
  model: 'fake-model',
  reasoningEffort: 'medium',
  ...over,
});

async function solve(over: Partial<ModelSettings> = {}, opts: { stallTimeoutMs?: number; signal?: AbortSignal } = {}) {
  const events: LlmEvent[] = [];
  const result = await streamSolution(settings(over), 'Solve 2x + 3 = 11', { ...opts, onEvent: (e) => events.push(e) });
  const text = (type: LlmEvent['type']) =>
    events
      .filter((e) => e.type === type)
      .map((e) => e.text)
      .join('');
  return { result, events, content: text('content'), reasoning: text('reasoning') };
}

const chatRequests = () => server.requests.filter((r) => r.method === 'POST');
const lastBody = () => chatRequests().at(-1)?.body as Record<string, unknown>;

describe('streamSolution against the fake OpenAI-compatible server', () => {
  it('streams a real corpus answer token by token, losing nothing', async () => {
    const answer = loadCorpusAnswers().get('arenahard-0028') ?? '';
    server.configure({ record: 'arenahard-0028' });
    const { result, events, content, reasoning } = await solve();
    expect(result).toEqual({ ok: true, value: { streamed: true, finishReason: 'stop' } });
    expect(content).toBe(answer);
    expect(events.length).toBeGreaterThan(answer.length / 6);
    expect(reasoning).toBe('');
  });

  it('sends the tutor prompt as system, with temperature, to a chat model', async () => {
    await solve({ model: 'gpt-4o-mini' });
    const body = lastBody();
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.stream).toBe(true);
    expect(typeof body.temperature).toBe('number');
    expect(body).not.toHaveProperty('reasoning_effort');
    const messages = body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[0]?.content).toContain('## Step N: <short title>');
    expect(messages[1]?.content).toBe('Solve 2x + 3 = 11');
  });

  it('gives reasoning models developer instructions, max_completion_tokens and the effort, no temperature', async () => {
    await solve({ model: 'openai/o3-mini', reasoningEffort: 'high' });
    const body = lastBody();
    expect((body.messages as { role: string }[])[0]?.role).toBe('developer');
    expect(body.reasoning_effort).toBe('high');
    expect(body.max_completion_tokens).toBeGreaterThan(1000);
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('max_tokens');
  });

  it.each(['reasoning_content', 'reasoning'] as const)('surfaces %s deltas as reasoning, never as content', async (field) => {
    server.configure({ scenario: 'reasoning', reasoningField: field });
    const { result, reasoning, content } = await solve();
    expect(result.ok).toBe(true);
    expect(reasoning).toBe(DEFAULT_REASONING);
    expect(content).toBe(DEFAULT_ANSWER);
  });

  it('passes <think> blocks inside content on to the parser untouched', async () => {
    server.setScenario('think-tags');
    const { content, reasoning } = await solve();
    expect(content).toBe(`<think>\n${DEFAULT_REASONING}\n</think>\n\n${DEFAULT_ANSWER}`);
    expect(reasoning).toBe('');
  });

  it('falls back to one non-streamed request when the server refuses streaming', async () => {
    server.setScenario('no-stream');
    const { result, events } = await solve();
    expect(result).toEqual({ ok: true, value: { streamed: false, finishReason: 'stop' } });
    expect(events).toEqual([{ type: 'content', text: DEFAULT_ANSWER }]);
    expect(chatRequests().map((r) => (r.body as { stream: boolean }).stream)).toEqual([true, false]);
  });

  it('explains a wrong key (401) without showing the key', async () => {
    const { result } = await solve({ apiKey: 'sk-wrong-key-999999999' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(result.error.message).toContain('rejected the API key');
    expect(JSON.stringify(result.error)).not.toContain('sk-wrong-key-999999999');
  });

  it('explains an unknown model (404)', async () => {
    const { result } = await solve({ model: 'fake-model-not-found' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'model-not-found', status: 404 } });
    if (!result.ok) expect(result.error.message).toContain('"fake-model-not-found"');
  });

  it('reports rate limiting with retry-after, and does not retry by itself', async () => {
    server.setScenario('rate-limited');
    const { result } = await solve();
    expect(result).toMatchObject({ ok: false, error: { kind: 'rate-limited', status: 429, retryAfterSeconds: 7 } });
    expect(chatRequests()).toHaveLength(1);
  });

  it.each([500, 503])('reports a server error (%i) once, without retrying', async (status) => {
    server.configure({ scenario: 'server-error', serverErrorStatus: status });
    const { result } = await solve();
    expect(result).toMatchObject({ ok: false, error: { kind: 'server-error', status } });
    expect(chatRequests()).toHaveLength(1);
  });

  it('reports a connection dropped mid-stream, after passing on what arrived', async () => {
    server.configure({ scenario: 'drop-mid-stream', failAfterChunks: 5 });
    const { result, events, content } = await solve();
    expect(result).toMatchObject({ ok: false, error: { kind: 'dropped' } });
    expect(events).toHaveLength(5);
    expect(DEFAULT_ANSWER.startsWith(content)).toBe(true);
  });

  it('stops a stalled stream after the stall timeout and keeps what arrived', async () => {
    server.configure({ scenario: 'stall', failAfterChunks: 3 });
    const started = Date.now();
    const { result, events } = await solve({}, { stallTimeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'stalled' } });
    expect(events).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('does not count a slow but steady stream as stalled', async () => {
    server.configure({ chunksPerSecond: 20, text: 'one two three four five six seven eight' });
    const { result, content } = await solve({}, { stallTimeoutMs: 200 });
    expect(result.ok).toBe(true);
    expect(content).toBe('one two three four five six seven eight');
  });

  it('stops when the user aborts, keeping what arrived', async () => {
    server.configure({ chunksPerSecond: 50 });
    const controller = new AbortController();
    const events: LlmEvent[] = [];
    const result = await streamSolution(settings(), 'Solve 2x + 3 = 11', {
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        if (events.length === 2) controller.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.length).toBeLessThan(10);
  });

  it('returns at once when already aborted, sending nothing', async () => {
    const { result } = await solve({}, { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(chatRequests()).toHaveLength(0);
  });

  it('says no endpoint is configured, sending nothing', async () => {
    const { result } = await solve({ baseURL: '' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'no-endpoint' } });
    const noModel = await solve({ model: '  ' });
    expect(noModel.result).toMatchObject({ ok: false, error: { kind: 'no-endpoint', message: 'No model is chosen.' } });
    expect(server.requests).toHaveLength(0);
  });

  it('reports an unreachable server as a network failure with CORS advice', async () => {
    const gone = await startFakeServer();
    const url = gone.url;
    await gone.close();
    const { result } = await solve({ baseURL: url });
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
    if (!result.ok) {
      expect(result.error.message).toContain('Could not reach 127.0.0.1');
      expect(result.error.hint).toMatch(/CORS/);
    }
  });

  it('sends the key only in the Authorization header, never in the URL or a log, and no SDK telemetry headers', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    try {
      await solve();
      await solve({ apiKey: `${KEY}-wrong` });
      server.setScenario('drop-mid-stream');
      await solve();
      for (const spy of spies) {
        for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(KEY);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    for (const request of server.requests) {
      expect(request.url).not.toContain(KEY);
      expect(request.headers.authorization?.startsWith('Bearer ')).toBe(true);
      expect(Object.keys(request.headers).filter((h) => h.startsWith('x-stainless'))).toEqual([]);
    }
  });

  it('sends a placeholder key to local servers that need none', async () => {
    const open = await startFakeServer({ chunksPerSecond: 0 });
    try {
      const events: LlmEvent[] = [];
      const result = await streamSolution({ ...settings(), baseURL: open.url, apiKey: '' }, 'p', { onEvent: (e) => events.push(e) });
      expect(result.ok).toBe(true);
      expect(open.requests[0]?.headers.authorization).toBe('Bearer not-needed');
    } finally {
      await open.close();
    }
  });
});

/** Servers whose behaviour the fake server does not model, to check the adapter's edge handling. */
describe('streamSolution against odd servers', () => {
  let odd: Server;
  let oddURL: string;
  let seen: { url: string; authorization?: string; body: Record<string, unknown> }[] = [];
  let respond: (body: Record<string, unknown>, res: import('node:http').ServerResponse) => void = () => undefined;

  beforeAll(async () => {
    odd = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        seen.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
        respond(body, res);
      });
    });
    await new Promise<void>((r) => odd.listen(0, '127.0.0.1', r));
    odd.unref();
    oddURL = `http://127.0.0.1:${(odd.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => odd.close(() => r())));
  afterEach(() => {
    seen = [];
  });

  const sse = (res: import('node:http').ServerResponse, deltas: object[], opts: { done?: boolean } = {}) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const d of deltas) res.write(`data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, ...d }] })}\n\n`);
    if (opts.done !== false) res.write('data: [DONE]\n\n');
    res.end();
  };

  it('retries once without temperature when the model refuses it', async () => {
    respond = (body, res) => {
      if ('temperature' in body) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: "Unsupported value: 'temperature' does not support 0.2 with this model.", param: 'temperature', code: 'unsupported_value' } }));
        return;
      }
      sse(res, [{ delta: { content: 'ok' }, finish_reason: 'stop' }]);
    };
    const events: LlmEvent[] = [];
    const result = await streamSolution({ ...settings(), baseURL: oddURL, model: 'gpt-5-chat-latest' }, 'p', { onEvent: (e) => events.push(e) });
    expect(result.ok).toBe(true);
    expect(events).toEqual([{ type: 'content', text: 'ok' }]);
    expect(seen.map((s) => 'temperature' in s.body)).toEqual([true, false]);
  });

  it("keeps the message of servers that answer errors in vLLM's shape", async () => {
    respond = (_body, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'error', message: 'The model `qwen` does not exist.', type: 'NotFoundError', code: 404 }));
    };
    const result = await streamSolution({ ...settings(), baseURL: oddURL, model: 'qwen' }, 'p', { onEvent: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { kind: 'model-not-found' } });
    if (!result.ok) expect(result.error.message).toContain('The model `qwen` does not exist.');
  });

  it('reports an error sent inside the stream, after passing on what arrived', async () => {
    respond = (_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'Step' } }] })}\n\n`);
      res.end(`data: ${JSON.stringify({ error: { message: 'Provider returned error', code: 502 } })}\n\n`);
    };
    const events: LlmEvent[] = [];
    const result = await streamSolution({ ...settings(), baseURL: oddURL }, 'p', { onEvent: (e) => events.push(e) });
    expect(result).toMatchObject({ ok: false, error: { kind: 'server-error' } });
    if (!result.ok) expect(result.error.message).toContain('Provider returned error');
    expect(events).toEqual([{ type: 'content', text: 'Step' }]);
  });

  it('treats a stream that ends without a finish reason as dropped', async () => {
    respond = (_body, res) => sse(res, [{ delta: { content: 'half an ans' } }], { done: false });
    const result = await streamSolution({ ...settings(), baseURL: oddURL }, 'p', { onEvent: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { kind: 'dropped' } });
  });

  it('reports an answer cut at the token limit as finished with finishReason "length"', async () => {
    respond = (_body, res) => sse(res, [{ delta: { content: 'long' } }, { delta: {}, finish_reason: 'length' }]);
    const result = await streamSolution({ ...settings(), baseURL: oddURL }, 'p', { onEvent: () => undefined });
    expect(result).toEqual({ ok: true, value: { streamed: true, finishReason: 'length' } });
  });

  it('content-parts-array and tool-calls-finish in a non-streamed reply too', async () => {
    let message: object = {};
    let finish = 'stop';
    respond = (body, res) => {
      if (body.stream) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Streaming is not supported', param: 'stream', code: 'unsupported_value' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }] }));
    };
    message = { content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'hmm' }] }, { type: 'text', text: 'x = 4' }] };
    const events: LlmEvent[] = [];
    const result = await streamSolution({ ...settings(), baseURL: oddURL }, 'p', { onEvent: (e) => events.push(e) });
    expect(result).toEqual({ ok: true, value: { streamed: false, finishReason: 'stop' } });
    expect(events).toEqual([{ type: 'reasoning', text: 'hmm' }, { type: 'content', text: 'x = 4' }]);

    message = { content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'calculator', arguments: '{}' } }] };
    finish = 'tool_calls';
    const tool = await streamSolution({ ...settings(), baseURL: oddURL }, 'p', { onEvent: () => undefined });
    expect(tool).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
    if (!tool.ok) expect(tool.error.message).toContain('tried to call a tool ("calculator")');
  });

  it('reports an error in vLLM\'s shape sent inside the stream', async () => {
    respond = (_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'Step' } }] })}\n\n`);
      res.end(`data: ${JSON.stringify({ object: 'error', message: 'CUDA out of memory', type: 'InternalServerError', code: 500 })}\n\n`);
    };
    const events: LlmEvent[] = [];
    const result = await streamSolution({ ...settings(), baseURL: oddURL }, 'p', { onEvent: (e) => events.push(e) });
    expect(result).toMatchObject({ ok: false, error: { kind: 'server-error' } });
    if (!result.ok) expect(result.error.message).toContain('CUDA out of memory');
    expect(events).toEqual([{ type: 'content', text: 'Step' }]);
  });

  it('reports an `event: error` whose data is a bare message', async () => {
    respond = (_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'Step' } }] })}\n\n`);
      res.end(`event: error\ndata: ${JSON.stringify({ message: 'Upstream timed out' })}\n\n`);
    };
    const result = await streamSolution({ ...settings(), baseURL: oddURL }, 'p', { onEvent: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { kind: 'server-error' } });
    if (!result.ok) expect(result.error.message).toContain('Upstream timed out');
  });

  it('never follows a redirect, so the key stays with the configured server', async () => {
    respond = (_body, res) => {
      res.writeHead(307, { location: `${server.url}/chat/completions` });
      res.end();
    };
    const result = await streamSolution({ ...settings(), baseURL: oddURL }, 'p', { onEvent: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad-request', status: 307 } });
    expect(server.requests).toHaveLength(0);
  });
});
