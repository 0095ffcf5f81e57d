// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  DEFAULT_ANSWER,
  DEFAULT_REASONING,
  loadCorpusAnswers,
  SCENARIOS,
  splitIntoChunks,
  startFakeServer,
  type FakeServer,
} from './fake-server.ts';

interface Chunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: { index: number; delta: Record<string, unknown>; finish_reason: string | null }[];
  usage?: unknown;
}

/** The SSE events of a response body, as OpenAI frames them: `data: …` lines separated by blank lines. */
function sseData(body: string): string[] {
  expect(body.endsWith('\n\n')).toBe(true);
  return body
    .split('\n\n')
    .filter((e) => e !== '')
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      return event.slice('data: '.length);
    });
}

const post = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Solve 2x + 3 = 11' }], ...body }),
  });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('splitIntoChunks', () => {
  it('splits every corpus answer into ~4-character pieces that join back exactly', () => {
    let pieces = 0;
    let chars = 0;
    for (const answer of loadCorpusAnswers().values()) {
      const chunks = splitIntoChunks(answer);
      expect(chunks.join('')).toBe(answer);
      pieces += chunks.length;
      chars += answer.length;
    }
    expect(chars / pieces).toBeGreaterThan(3);
    expect(chars / pieces).toBeLessThan(5);
  });

  it('joins back exactly for any text, never splitting a code point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const chunks = splitIntoChunks(text);
        expect(chunks.join('')).toBe(text);
        for (const c of chunks) expect(c).not.toMatch(LONE_SURROGATE);
      }),
    );
  });

  it('keeps a single leading space with the word, like model tokens', () => {
    expect(splitIntoChunks('Solve the equation\n\n x=4')).toEqual([
      'Solv',
      'e',
      ' the',
      ' equa',
      'tion',
      '\n\n',
      ' x=4',
    ]);
  });
});

describe('fake OpenAI-compatible server', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer({ chunksPerSecond: 0 });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 with a /v1 base URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('lists models in OpenAI list shape, including one per scenario', async () => {
    const res = await fetch(`${server.url}/models`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { object: string; data: { id: string; object: string; owned_by: string }[] };
    expect(body.object).toBe('list');
    expect(body.data[0]).toMatchObject({ id: 'fake-model', object: 'model' });
    expect(body.data.map((m) => m.id)).toContain('fake-stall');
  });

  it('streams SSE chunks exactly as OpenAI does: role chunk, content deltas, stop chunk, [DONE]', async () => {
    const res = await post(server.url, { model: 'gpt-4o-mini', stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = sseData(await res.text());
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e) as Chunk);

    const [first, ...rest] = chunks;
    expect(first).toMatchObject({
      object: 'chat.completion.chunk',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    expect(first?.id).toMatch(/^chatcmpl-/);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(typeof first?.created).toBe('number');

    const last = rest.at(-1);
    expect(last?.choices).toEqual([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
    const contentChunks = rest.slice(0, -1);
    expect(contentChunks.every((c) => c.choices[0]?.finish_reason === null)).toBe(true);
    expect(contentChunks.map((c) => c.choices[0]?.delta.content).join('')).toBe(DEFAULT_ANSWER);
    expect(contentChunks.length).toBe(splitIntoChunks(DEFAULT_ANSWER).length);
  });

  it('adds a usage chunk when stream_options.include_usage is set', async () => {
    const res = await post(server.url, { model: 'm', stream: true, stream_options: { include_usage: true } });
    const events = sseData(await res.text());
    const usage = JSON.parse(events.at(-2) ?? '{}') as Chunk;
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toMatchObject({ completion_tokens: splitIntoChunks(DEFAULT_ANSWER).length });
  });

  it('answers non-streamed requests with a chat.completion object', async () => {
    const res = await post(server.url, { model: 'm', stream: false });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: DEFAULT_ANSWER }, finish_reason: 'stop' }],
    });
  });

  it('replays a corpus record chosen by the server, the base URL path or a header', async () => {
    const corpus = loadCorpusAnswers();
    const contentOf = async (res: Response) =>
      ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message.content;

    const byPath = `${server.url.replace(/\/v1$/, '')}/record/processbench-0036/v1`;
    expect(await contentOf(await post(byPath, { model: 'm' }))).toBe(corpus.get('processbench-0036'));
    expect(await contentOf(await post(server.url, { model: 'm' }, { 'x-fake-record': 'prm800k-0001' }))).toBe(corpus.get('prm800k-0001'));
    expect(await contentOf(await post(server.url, { model: 'm' }, { 'x-fake-record': 'prm800k-0001,processbench-0036' }))).toBe(
      `${corpus.get('prm800k-0001')}\n\n${corpus.get('processbench-0036')}`,
    );
    expect((await post(server.url, { model: 'm' }, { 'x-fake-record': 'no-such-record' })).status).toBe(400);
    await expect(startFakeServer({ record: 'no-such-record' })).rejects.toThrow(/no-such-record/);
  });

  it('serves a recorded SSE stream byte for byte, by path or option, and refuses unknown names', async () => {
    const recorded = readFileSync(new URL('./streams/crlf-stream.sse', import.meta.url));
    const byPath = await post(server.url.replace(/\/v1$/, '/replay/crlf-stream/v1'), { model: 'm', stream: true });
    expect(byPath.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(Buffer.from(await byPath.arrayBuffer()).equals(recorded)).toBe(true);
    expect(recorded.includes('\r\n')).toBe(true);

    server.configure({ sse: ': hi\r\n\r\ndata: [DONE]' });
    expect(await (await post(server.url, { model: 'm', stream: true })).text()).toBe(': hi\r\n\r\ndata: [DONE]');
    server.configure({ sse: undefined, replay: 'sse-comments' });
    const byOption = await (await post(server.url, { model: 'm', stream: true })).text();
    expect(byOption).toBe(readFileSync(new URL('./streams/sse-comments.sse', import.meta.url), 'utf8'));
    server.configure({ replay: undefined });

    expect((await post(server.url.replace(/\/v1$/, '/replay/..%2Fharness/v1'), { model: 'm', stream: true })).status).toBe(400);
    expect(() => server.configure({ replay: 'no-such-stream' })).toThrow(/No recorded stream/);
  });

  it('picks the scenario by base URL path, header or model name', async () => {
    const root = server.url.replace(/\/v1$/, '');
    expect((await post(`${root}/scenario/rate-limited/v1`, { model: 'm' })).status).toBe(429);
    expect((await post(server.url, { model: 'm' }, { 'x-fake-scenario': 'server-error' })).status).toBe(500);
    expect((await post(server.url, { model: 'fake-model-not-found' })).status).toBe(404);
    expect((await post(server.url, { model: 'fake-model' })).status).toBe(200);
    expect(server.requests.at(-2)?.scenario).toBe('model-not-found');
  });

  it('produces each HTTP failure with OpenAI error bodies', async () => {
    const res429 = await post(server.url, { model: 'fake-rate-limited' });
    expect(res429.headers.get('retry-after')).toBe('7');
    expect(await res429.json()).toMatchObject({ error: { code: 'rate_limit_exceeded' } });

    const res401 = await post(server.url, { model: 'fake-unauthorized' }, { authorization: 'Bearer sk-abcdefgh12345678' });
    expect(res401.status).toBe(401);
    const body401 = (await res401.json()) as { error: { message: string; code: string } };
    expect(body401.error.code).toBe('invalid_api_key');
    expect(body401.error.message).toContain('sk-****5678');
    expect(body401.error.message).not.toContain('abcdefgh');

    const res400 = await post(server.url, { model: 'fake-no-stream', stream: true });
    expect(res400.status).toBe(400);
    expect(await res400.json()).toMatchObject({ error: { param: 'stream', code: 'unsupported_value' } });
    expect((await post(server.url, { model: 'fake-no-stream', stream: false })).status).toBe(200);

    expect((await post(server.url, { model: 'x' }, { 'x-fake-scenario': 'bogus' })).status).toBe(200);
    expect((await fetch(`${server.url}/completions`, { method: 'POST' })).status).toBe(404);
  });

  it('sends reasoning deltas before content in the reasoning scenario, and <think> content in think-tags', async () => {
    const chunks = sseData(await (await post(server.url, { model: 'fake-reasoning', stream: true })).text())
      .slice(0, -1)
      .map((e) => JSON.parse(e) as Chunk);
    const deltas = chunks.map((c) => c.choices[0]?.delta ?? {});
    const reasoning = deltas.map((d) => d.reasoning_content ?? '').join('');
    expect(reasoning).toBe(DEFAULT_REASONING);
    const lastReasoning = deltas.findLastIndex((d) => typeof d.reasoning_content === 'string');
    const firstContent = deltas.findIndex((d) => typeof d.content === 'string' && d.content !== '');
    expect(lastReasoning).toBeLessThan(firstContent);

    const think = sseData(await (await post(server.url, { model: 'fake-think-tags', stream: true })).text())
      .slice(0, -1)
      .map((e) => (JSON.parse(e) as Chunk).choices[0]?.delta.content ?? '')
      .join('');
    expect(think).toBe(`<think>\n${DEFAULT_REASONING}\n</think>\n\n${DEFAULT_ANSWER}`);
  });

  it('cuts the connection mid-stream in drop-mid-stream', async () => {
    server.configure({ failAfterChunks: 4 });
    const res = await post(server.url, { model: 'fake-drop-mid-stream', stream: true });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    server.configure({ failAfterChunks: undefined });
  });

  it('answers CORS preflights, allowing the Authorization header, unless blocked', async () => {
    const preflight = (url: string) =>
      fetch(`${url}/chat/completions`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const ok = await preflight(server.url);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect((await post(server.url, { model: 'm' })).headers.get('access-control-allow-origin')).toBe('*');
    expect((await post(server.url, { model: 'fake-rate-limited' })).headers.get('access-control-expose-headers')).toContain(
      'retry-after',
    );

    const blocked = `${server.url.replace(/\/v1$/, '')}/scenario/cors-blocked/v1`;
    expect((await preflight(blocked)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(blocked, { model: 'm' })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(server.url, { model: 'fake-cors-blocked' })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('streams at the set rate', async () => {
    const text = 'word '.repeat(50).trim();
    const paced = await startFakeServer({ text, chunksPerSecond: 100 });
    try {
      const started = performance.now();
      const res = await post(paced.url, { model: 'm', stream: true });
      const reader = res.body!.getReader();
      const arrivals: number[] = [];
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
        arrivals.push(performance.now() - started);
      }
      const elapsed = performance.now() - started;
      // 50 words + stop + [DONE] = 52 events after the role chunk, one every 10 ms.
      expect(elapsed).toBeGreaterThan(450);
      expect(elapsed).toBeLessThan(2000);
      expect(arrivals.length).toBeGreaterThan(20);
    } finally {
      await paced.close();
    }
  });
});

describe('fake server: per-problem failures and concurrency', () => {
  it('fails only the requests whose problem contains a marker, until the marker is removed', async () => {
    const server = await startFakeServer({ chunksPerSecond: 0, problemScenarios: { 'Problem C': 'server-error' } });
    try {
      const ask = (problem: string) =>
        fetch(`${server.url}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'm', messages: [{ role: 'system', content: 'Problem C' }, { role: 'user', content: problem }] }),
        });
      expect((await ask('Solve Problem A')).status).toBe(200);
      const failed = await ask('Solve Problem C: 2x = 8');
      expect(failed.status).toBe(500);
      expect(server.requests.at(-1)?.scenario).toBe('server-error');
      server.configure({ problemScenarios: {} });
      expect((await ask('Solve Problem C: 2x = 8')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('counts chat requests in flight and the most at once', async () => {
    const server = await startFakeServer({ chunksPerSecond: 200 });
    try {
      expect(server.concurrency()).toEqual({ active: 0, max: 0 });
      const three = [1, 2, 3].map(() => post(server.url, { model: 'm', stream: true }).then((r) => r.text()));
      await expect.poll(() => server.concurrency().active).toBe(3);
      await Promise.all(three);
      await expect.poll(() => server.concurrency()).toEqual({ active: 0, max: 3 });
      server.resetConcurrency();
      await (await post(server.url, { model: 'm' })).text();
      await fetch(`${server.url}/models`);
      await expect.poll(() => server.concurrency()).toEqual({ active: 0, max: 1 });
    } finally {
      await server.close();
    }
  });
});

describe('fake server lifecycle', { timeout: 60_000 }, () => {
  it('requires the configured key', async () => {
    const server = await startFakeServer({ apiKey: 'sk-secret-key-123456' });
    try {
      const none = await fetch(`${server.url}/models`);
      expect(none.status).toBe(401);
      expect(((await none.json()) as { error: { message: string } }).error.message).toContain("didn't provide an API key");
      expect((await fetch(`${server.url}/models`, { headers: { authorization: 'Bearer sk-other' } })).status).toBe(401);
      expect((await fetch(`${server.url}/models`, { headers: { authorization: 'Bearer sk-secret-key-123456' } })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('closes itself after the idle timeout', async () => {
    const server = await startFakeServer({ idleTimeoutMs: 150 });
    const closedAt = await Promise.race([server.closed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('open'), 2000))]);
    expect(closedAt).toBe('closed');
    await expect(fetch(`${server.url}/models`)).rejects.toThrow();
  });

  it('does not count a stream in progress as idle', async () => {
    const text = 'word '.repeat(40).trim();
    const server = await startFakeServer({ idleTimeoutMs: 150, chunksPerSecond: 100, text });
    const res = await post(server.url, { model: 'm', stream: true });
    const events = sseData(await res.text());
    expect(events.at(-1)).toBe('[DONE]');
    await server.closed;
  });

  it('close() ends a stalled stream promptly', async () => {
    const server = await startFakeServer({ scenario: 'stall', failAfterChunks: 2, chunksPerSecond: 0 });
    const res = await post(server.url, { model: 'm', stream: true });
    const reading = res.text();
    const started = performance.now();
    await server.close();
    await expect(reading).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('every scenario has a model id and a path that select it', async () => {
    const server = await startFakeServer({ chunksPerSecond: 0 });
    try {
      const root = server.url.replace(/\/v1$/, '');
      for (const scenario of SCENARIOS) {
        await post(`${root}/scenario/${scenario}/v1`, { model: 'm', stream: true }).then((r) => r.body?.cancel());
        expect(server.requests.at(-1)?.scenario).toBe(scenario);
      }
    } finally {
      await server.close();
    }
  });

  it('the CLI serves a record and exits by itself after its idle timeout', async () => {
    const cli = fileURLToPath(new URL('./fake-server-cli.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const child = spawn(tsx, [cli, '--port', '0', '--record', 'processbench-0036', '--rate', '0', '--idle', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`CLI exited early: ${output}`)));
    });
    const res = await post(url, { model: 'm' });
    expect(((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message.content).toBe(
      loadCorpusAnswers().get('processbench-0036'),
    );
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  }, 15_000);
});
