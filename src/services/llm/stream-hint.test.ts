// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../../e2e/fake-server.ts';
import { readHintReply } from '../../core/prompt/hint-prompt.ts';
import { streamHint } from './index.ts';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer({ chunksPerSecond: 0, text: 'Hint: Divide both sides by $2$.\nShape: $x = \\square$' });
});
afterAll(() => server.close());

const input = {
  problem: 'Solve 2x + 3 = 11',
  before: [{ title: 'Move the constant term', body: 'Subtract $3$:\n$$2x = 8$$' }],
  step: { title: 'Divide', body: 'Divide by $2$:\n$$x = 4$$' },
};

describe('streamHint', () => {
  it('streams the hint reply for one step, with the hint prompt as the request', async () => {
    let text = '';
    const result = await streamHint({ baseURL: server.url, apiKey: '', model: 'fake-model', reasoningEffort: 'medium' }, input, { onText: (t) => (text += t) });
    expect(result.ok).toBe(true);
    expect(readHintReply(text)).toEqual({ rule: 'Divide both sides by $2$.', shape: 'x = \\square' });
    const body = server.requests.filter((r) => r.method === 'POST').at(-1)?.body as { messages: { role: string; content: string }[]; stream: boolean };
    expect(body.stream).toBe(true);
    expect(body.messages[0]?.content).toMatch(/Never give the step's result/);
    expect(body.messages[1]?.content).toContain('Step 2: Divide');
  });

  it('fails as a described error, not an exception, when the server refuses', async () => {
    const result = await streamHint({ baseURL: `${server.url.replace(/\/v1$/, '')}/scenario/unauthorized/v1`, apiKey: 'sk-x', model: 'fake-model', reasoningEffort: 'medium' }, input, {
      onText: () => undefined,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('unauthorized');
  });
});
