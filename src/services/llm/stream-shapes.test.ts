// @vitest-environment node
/**
 * The adapter against recorded byte streams of real providers' shapes (e2e/streams/*.sse, served verbatim by the
 * fake server), one test per class of stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../../e2e/fake-server.ts';
import { loadStream, streamNames } from '../../../e2e/sse-replay.ts';
import { streamSolution, type LlmEvent } from './index.ts';

let server: FakeServer;
beforeAll(async () => {
  // Pieces of 61 bytes, one a millisecond: lines, CRLF pairs and UTF-8 sequences arrive cut apart.
  server = await startFakeServer({ chunksPerSecond: 1000 });
});
afterAll(() => server.close());

const ANSWER = [
  '## Step 1: Move the constant term\n',
  'Subtract \\(3\\) from both sides:\n',
  '\\[ 2x = 8 \\]\n\n',
  '## Step 2: Divide by the coefficient\n',
  'Divide both sides by \\(2\\):\n',
  '\\[ x = 4 \\]\n\n',
  '## Answer\n',
  '\\[ \\boxed{x = 4} \\]',
].join('');

const recording = (name: string) => loadStream(name).toString('utf8');

async function replay(name: string) {
  const events: LlmEvent[] = [];
  const baseURL = server.url.replace(/\/v1$/, `/replay/${name}/v1`);
  const result = await streamSolution({ baseURL, apiKey: '', model: 'any-model', reasoningEffort: 'medium' }, 'Solve 2x + 3 = 11', {
    onEvent: (e) => events.push(e),
  });
  const text = (type: LlmEvent['type']) => events.filter((e) => e.type === type).map((e) => e.text).join('');
  return { result, content: text('content'), reasoning: text('reasoning') };
}

describe('recorded stream shapes', () => {
  it('content-parts-array: text parts are the answer, thinking parts the reasoning, never [object Object]', async () => {
    const { result, content, reasoning } = await replay('content-parts-array');
    expect(result).toEqual({ ok: true, value: { streamed: true, finishReason: 'stop' } });
    expect(content).toBe(ANSWER);
    expect(reasoning).toBe('The student wants x from 2x + 3 = 11. Subtract 3, then divide by 2: x = 4. Check: 2*4+3 = 11.');
    expect(content + reasoning).not.toContain('[object Object]');
  });

  it('done-without-finish-reason: [DONE] after a usage chunk ends a complete answer', async () => {
    const { result, content } = await replay('done-without-finish-reason');
    expect(result).toEqual({ ok: true, value: { streamed: true } });
    expect(content).toBe(ANSWER);
  });

  it('done-without-finish-reason: with no [DONE] either, the stream was dropped', async () => {
    const { result, content } = await replay('drop-without-done');
    expect(result).toMatchObject({ ok: false, error: { kind: 'dropped' } });
    expect(ANSWER.startsWith(content) && content.length > 0).toBe(true);
  });

  it('reasoning-details: reasoning.text and reasoning.summary are reasoning, reasoning.encrypted is skipped, no text twice', async () => {
    const { result, content, reasoning } = await replay('reasoning-details');
    expect(result).toEqual({ ok: true, value: { streamed: true, finishReason: 'stop' } });
    expect(reasoning).toBe('The student wants x. Subtract 3, divide by 2. Summary: x = 4.');
    expect(content).toBe(ANSWER);
  });

  it('lone-closing-think-tag: the adapter passes the text on untouched (the parser takes the thinking)', async () => {
    const { result, content, reasoning } = await replay('lone-closing-think-tag');
    expect(result.ok).toBe(true);
    expect(content).toBe(`Okay, the student wants x from 2x + 3 = 11.\n\nSubtracting 3 gives 2x = 8, so x = 4.\n</think>\n\n${ANSWER}`);
    expect(reasoning).toBe('');
  });

  it('tool-calls-finish: says the model tried to call a tool, and not to raise a token limit', async () => {
    const { result, content } = await replay('tool-calls-finish');
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
    if (result.ok) return;
    expect(result.error.message).toBe('The model tried to call a tool ("calculator") instead of answering, and Stepwise offers none.');
    expect(result.error.hint).toMatch(/another model/);
    expect(result.error.hint).toMatch(/tool \(function\) calling off/);
    expect(result.error.hint).not.toMatch(/token/);
    expect(content).toBe('');
  });

  it('sse-comments: comment lines and keep-alives are ignored', async () => {
    const { result, content } = await replay('sse-comments');
    expect(result).toEqual({ ok: true, value: { streamed: true, finishReason: 'stop' } });
    expect(content).toBe(ANSWER);
  });

  it('crlf-stream: CRLF line endings, an empty-choices first chunk and a role-only chunk (Azure)', async () => {
    const { result, content, reasoning } = await replay('crlf-stream');
    expect(result).toEqual({ ok: true, value: { streamed: true, finishReason: 'stop' } });
    expect(content).toBe(ANSWER);
    expect(reasoning).toBe('');
  });

  it('empty-choices: chunks with `choices: []` (Azure\'s prompt-filter chunk, usage chunks) carry no text and end nothing', async () => {
    for (const name of ['crlf-stream', 'done-without-finish-reason']) {
      expect(recording(name)).toContain('"choices":[]');
      const { result, content } = await replay(name);
      expect(result.ok).toBe(true);
      expect(content).toBe(ANSWER);
    }
  });

  it('role-only-first-chunk: a first chunk with only the role adds nothing', async () => {
    const first = JSON.parse(recording('sse-comments').split('\n').find((l) => l.startsWith('data: '))!.slice(6)) as { choices: { delta: object }[] };
    expect(first.choices[0]?.delta).toEqual({ role: 'assistant' });
    const { result, content } = await replay('sse-comments');
    expect(result.ok).toBe(true);
    expect(content.startsWith('## Step 1')).toBe(true);
  });

  it('refusal-delta: the refusal is the answer, as the model wrote it', async () => {
    const { result, content } = await replay('refusal-delta');
    expect(result).toEqual({ ok: true, value: { streamed: true, finishReason: 'stop' } });
    expect(content).toBe("I'm sorry, I can't help with that request.");
  });

  it('error-event-mid-stream: a described error with the server\'s message, the text received kept', async () => {
    const { result, content } = await replay('error-event-mid-stream');
    expect(result).toMatchObject({ ok: false, error: { kind: 'server-error' } });
    if (!result.ok) expect(result.error.message).toContain('Provider disconnected unexpectedly');
    expect(content).toBe(ANSWER.slice(0, ANSWER.indexOf('## Step 2')));
  });

  it('every recording has a test above', () => {
    expect(streamNames()).toEqual([
      'content-parts-array',
      'crlf-stream',
      'done-without-finish-reason',
      'drop-without-done',
      'error-event-mid-stream',
      'lone-closing-think-tag',
      'reasoning-details',
      'refusal-delta',
      'sse-comments',
      'tool-calls-finish',
    ]);
  });
});
