// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../../e2e/fake-server.ts';
import { regenerateStep, type ModelSettings } from './index.ts';

const KEY = 'sk-test-regenerate-0123456789';
const REPLY = '## Step 2: Divide both sides by 2\nDivide by \\(2\\):\n\\[ x = 4 \\]';
let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer({ apiKey: KEY, chunksPerSecond: 0, text: REPLY });
});
afterAll(() => server.close());
afterEach(() => {
  server.configure({ scenario: 'ok', text: REPLY, nonStreamDelayMs: 0 });
  server.requests.length = 0;
});

const settings = (over: Partial<ModelSettings> = {}): ModelSettings => ({ baseURL: server.url, apiKey: KEY, model: 'fake-model', reasoningEffort: 'medium', ...over });
const input = {
  problem: 'Solve 2x + 3 = 11',
  steps: [
    { title: 'Move the constant term', body: 'Subtract $3$: $$2x = 8$$' },
    { title: 'Divide', body: '$$x = 4$$' },
  ],
  index: 1,
};

describe('regenerateStep', () => {
  it('sends the step prompt in one non-streamed request and returns the reply text', async () => {
    const result = await regenerateStep(settings(), input);
    expect(result).toEqual({ ok: true, value: REPLY });
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body as { stream: boolean; model: string; temperature?: number; messages: { role: string; content: string }[] };
    expect(body.stream).toBe(false);
    expect(body.model).toBe('fake-model');
    expect(typeof body.temperature).toBe('number');
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]!.content).toContain('Rewrite only step 2');
    expect(posts[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('returns the llm module\'s described errors: wrong key, unknown model, no model set', async () => {
    const unauthorized = await regenerateStep(settings({ apiKey: 'sk-wrong' }), input);
    expect(unauthorized.ok).toBe(false);
    if (!unauthorized.ok) expect(unauthorized.error.kind).toBe('unauthorized');
    server.setScenario('model-not-found');
    const missing = await regenerateStep(settings(), input);
    expect(!missing.ok && missing.error.kind).toBe('model-not-found');
    const noModel = await regenerateStep(settings({ model: ' ' }), input);
    expect(!noModel.ok && noModel.error.kind).toBe('no-endpoint');
  });

  it('stops when aborted', async () => {
    server.configure({ nonStreamDelayMs: 5000 });
    const controller = new AbortController();
    const pending = regenerateStep(settings(), input, controller.signal);
    setTimeout(() => controller.abort(), 100);
    const result = await pending;
    expect(!result.ok && result.error.kind).toBe('aborted');
    const already = await regenerateStep(settings(), input, AbortSignal.abort());
    expect(!already.ok && already.error.kind).toBe('aborted');
  });
});

describe('regenerateStep against a server that answers in content parts', () => {
  it('content-parts-array: returns the text parts, without the thinking, never [object Object]', async () => {
    const { createServer } = await import('node:http');
    const parts = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const content = [{ type: 'thinking', thinking: [{ type: 'text', text: 'hmm' }] }, { type: 'text', text: REPLY }];
      res.end(JSON.stringify({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
    });
    await new Promise<void>((r) => parts.listen(0, '127.0.0.1', r));
    try {
      const { port } = parts.address() as import('node:net').AddressInfo;
      const reply = await regenerateStep({ ...settings(), baseURL: `http://127.0.0.1:${port}/v1` }, input);
      expect(reply).toEqual({ ok: true, value: REPLY });
    } finally {
      await new Promise<void>((r) => parts.close(() => r()));
    }
  });
});
