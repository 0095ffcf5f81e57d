import { describe, expect, it } from 'vitest';
import { describeFailure, parseRetryAfter, serverText, type FailureContext, type HeaderSource } from './llm-error.ts';

const headers = (h: Record<string, string>): HeaderSource => ({ get: (name) => h[name.toLowerCase()] ?? null });
const solve = (baseURL: string, extra: Partial<FailureContext> = {}): FailureContext => ({
  baseURL,
  model: 'llama9',
  operation: 'solve',
  ...extra,
});

describe('describeFailure', () => {
  it('explains a missing endpoint and points to Settings or the offline solver', () => {
    const e = describeFailure({ type: 'no-endpoint', problem: 'empty' }, solve(''));
    expect(e.kind).toBe('no-endpoint');
    expect(e.hint).toMatch(/Settings/);
    expect(e.hint).toMatch(/built-in solver/);
    expect(describeFailure({ type: 'no-endpoint', problem: 'not-http', input: 'localhost:11434' }, solve('')).message).toContain(
      '"localhost:11434" is not a server address',
    );
    expect(describeFailure({ type: 'no-endpoint', problem: 'no-model' }, solve('http://x')).message).toBe('No model is chosen.');
  });

  it('names the missing key and where to get one', () => {
    const e = describeFailure({ type: 'missing-key' }, solve('https://api.openai.com/v1'));
    expect(e).toMatchObject({ kind: 'unauthorized', message: 'OpenAI needs an API key, and none is set.' });
    expect(e.hint).toContain('platform.openai.com/api-keys');
  });

  it('explains 401 with the server message, hiding the key', () => {
    const e = describeFailure(
      { type: 'http', status: 401, message: 'Incorrect API key provided: sk-test-secret-123.' },
      solve('https://api.openai.com/v1', { apiKey: 'sk-test-secret-123' }),
    );
    expect(e.kind).toBe('unauthorized');
    expect(e.status).toBe(401);
    expect(e.message).toContain('api.openai.com rejected the API key (401)');
    expect(e.message).not.toContain('sk-test-secret-123');
    expect(e.hint).toContain('Check the API key');
  });

  it('tells a missing model (404 about the model) from a wrong base URL (other 404)', () => {
    const model = describeFailure(
      { type: 'http', status: 404, message: 'model "llama9" not found, try pulling it first' },
      solve('http://localhost:11434/v1'),
    );
    expect(model.kind).toBe('model-not-found');
    expect(model.message).toContain('has no model "llama9"');
    expect(model.hint).toContain('ollama pull');

    const url = describeFailure({ type: 'http', status: 404, message: '404 page not found' }, solve('http://localhost:11434'));
    expect(url.kind).toBe('bad-request');
    expect(url.hint).toContain('http://localhost:11434/v1');

    const listing = describeFailure({ type: 'http', status: 404, code: 'model_not_found' }, { baseURL: 'http://h/v1', operation: 'list-models' });
    expect(listing.kind).toBe('bad-request');
  });

  it('honours retry-after on 429', () => {
    const e = describeFailure({ type: 'http', status: 429, headers: headers({ 'retry-after': '7' }) }, solve('https://api.openai.com/v1'));
    expect(e).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: 7 });
    expect(e.hint).toBe('Wait 7 s, then try again.');
  });

  it('does not suggest waiting when the quota is used up', () => {
    const e = describeFailure(
      { type: 'http', status: 429, code: 'insufficient_quota', message: 'You exceeded your current quota, please check your plan and billing details.', headers: headers({}) },
      solve('https://api.openai.com/v1'),
    );
    expect(e.kind).toBe('rate-limited');
    expect(e.retryAfterSeconds).toBeUndefined();
    expect(e.hint).toContain('waiting will not help');
  });

  it('explains 5xx as a server problem', () => {
    expect(describeFailure({ type: 'http', status: 500 }, solve('https://api.openai.com/v1'))).toMatchObject({
      kind: 'server-error',
      status: 500,
    });
    const busy = describeFailure({ type: 'http', status: 503, headers: headers({ 'retry-after': '30' }) }, solve('http://localhost:8000/v1'));
    expect(busy.message).toContain('overloaded or still loading the model (503)');
    expect(busy.retryAfterSeconds).toBe(30);
    expect(busy.hint).toContain("server's log");
  });

  it('names the CORS setting of the server the URL points at', () => {
    const ollama = describeFailure({ type: 'network' }, solve('http://127.0.0.1:11434/v1', { pageOrigin: 'http://localhost:5173' }));
    expect(ollama.kind).toBe('network');
    expect(ollama.message).toContain('Could not reach 127.0.0.1:11434');
    expect(ollama.message).toContain('(CORS)');
    expect(ollama.hint).toContain('OLLAMA_ORIGINS="http://localhost:5173"');
    expect(describeFailure({ type: 'network' }, solve('http://localhost:1234/v1')).hint).toContain('Enable CORS');
    expect(describeFailure({ type: 'network' }, solve('http://10.0.0.2:9000/v1', { pageOrigin: 'http://localhost:5173' })).hint).toContain(
      'allow the origin http://localhost:5173',
    );
    // A school server reached from a page on the same network, and a public API from a public page: plain CORS advice.
    const lan = describeFailure({ type: 'network' }, solve('https://10.0.0.2:9000/v1', { pageOrigin: 'https://192.168.1.5' }));
    expect(lan.message).toContain('(CORS)');
    const api = describeFailure({ type: 'network' }, solve('https://api.openai.com/v1', { pageOrigin: 'https://tutor.example' }));
    expect(api.message).toContain('(CORS)');
  });

  it('names private network access, not CORS, when a public https page calls a model on this computer', () => {
    const e = describeFailure({ type: 'network' }, solve('http://localhost:11434/v1', { pageOrigin: 'https://tutor.example' }));
    expect(e.kind).toBe('network');
    expect(e.message).toContain('Could not reach localhost:11434');
    expect(e.message).toContain('is on this computer');
    expect(e.message).toContain('private network access');
    expect(e.message).not.toContain('CORS');
    // Loopback over http is not mixed content in Chromium, so that is not blamed.
    expect(e.message).not.toContain('mixed content');
    expect(e.hint).toContain('Allow "local network access"');
    expect(e.hint).toContain('npm start');
    expect(e.hint).toContain('https address');
    expect(e.hint).toContain('OLLAMA_ORIGINS="https://tutor.example"');
    // The same for 127.0.0.1, [::1] and any *.localhost name.
    for (const base of ['http://127.0.0.1:11434/v1', 'http://[::1]:8080/v1', 'http://ollama.localhost:11434/v1']) {
      expect(describeFailure({ type: 'network' }, solve(base, { pageOrigin: 'https://tutor.example' })).message, base).toContain('private network access');
    }
  });

  it('names private network access and mixed content for a plain-http server on the school network', () => {
    for (const base of ['http://192.168.1.20:8000/v1', 'http://10.1.2.3:11434/v1', 'http://172.20.0.4/v1', 'http://gpu-box:8000/v1', 'http://ollama.local:11434/v1']) {
      const e = describeFailure({ type: 'network' }, solve(base, { pageOrigin: 'https://tutor.example' }));
      expect(e.message, base).toContain('is on a local network');
      expect(e.message, base).toContain('mixed content');
      expect(e.message, base).not.toContain('CORS');
    }
    // Over https only the private-network rule applies.
    const tls = describeFailure({ type: 'network' }, solve('https://192.168.1.20:8000/v1', { pageOrigin: 'https://tutor.example' }));
    expect(tls.message).toContain('private network access');
    expect(tls.message).not.toContain('mixed content');
  });

  it('says that a public page over plain http cannot reach a local server at all', () => {
    const e = describeFailure({ type: 'network' }, solve('http://localhost:11434/v1', { pageOrigin: 'http://tutor.example' }));
    expect(e.message).toContain('public site served over plain http');
    expect(e.hint).toContain('Serve Stepwise over https');
    expect(e.message).not.toContain('CORS');
  });

  it('spots mixed content: an https page calling a plain-http server on the internet', () => {
    const e = describeFailure({ type: 'network' }, solve('http://api.example.com/v1', { pageOrigin: 'https://tutor.example' }));
    expect(e.message).toContain('blocks plain-http servers (mixed content)');
    expect(e.hint).toContain('https://');
  });

  it('describes streaming failures and keeps the user informed that received steps stay', () => {
    for (const [type, kind] of [
      ['dropped', 'dropped'],
      ['aborted', 'aborted'],
    ] as const) {
      const e = describeFailure({ type }, solve('http://localhost:8080/v1'));
      expect(e.kind).toBe(kind);
      expect(e.hint).toContain('received so far are kept');
    }
    const stalled = describeFailure({ type: 'stalled', afterMs: 60_000 }, solve('http://localhost:8080/v1'));
    expect(stalled).toMatchObject({ kind: 'stalled' });
    expect(stalled.message).toContain('sent nothing for 60 seconds');
    expect(describeFailure({ type: 'stalled', afterMs: 500 }, solve('http://h/v1')).message).toContain('sent nothing for 1 second,');
  });

  it('passes on why the server refused a request', () => {
    const e = describeFailure(
      { type: 'http', status: 400, message: "This model's maximum context length is 8192 tokens." },
      solve('http://localhost:8000/v1'),
    );
    expect(e.kind).toBe('bad-request');
    expect(e.message).toContain('maximum context length');
    expect(e.hint).toContain('too long');
  });

  it('refuses redirects with an explanation', () => {
    expect(describeFailure({ type: 'redirect', status: 301 }, solve('http://api.example.com/v1'))).toMatchObject({
      kind: 'bad-request',
      status: 301,
    });
  });
});

describe('describeFailure: tool-calls-finish', () => {
  it('says the model tried to call a tool, suggests another model or turning tools off, never a token limit', () => {
    const e = describeFailure({ type: 'tool-call', name: 'web_search' }, solve('http://localhost:8000/v1'));
    expect(e.kind).toBe('bad-request');
    expect(e.message).toBe('The model tried to call a tool ("web_search") instead of answering, and Stepwise offers none.');
    expect(e.hint).toContain('Try another model than "llama9"');
    expect(e.hint).toMatch(/turn tool \(function\) calling off/);
    expect(e.hint).not.toMatch(/token/i);
    expect(describeFailure({ type: 'tool-call', name: '' }, solve('http://x')).message).toBe(
      'The model tried to call a tool instead of answering, and Stepwise offers none.',
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '7' }), undefined, now)).toBe(7);
    expect(parseRetryAfter(headers({ 'retry-after': '1.2' }), undefined, now)).toBe(2);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), undefined, now)).toBe(2);
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:42 GMT' }), undefined, now)).toBe(42);
    expect(parseRetryAfter(headers({ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }), undefined, now)).toBe(0);
  });
  it("falls back to OpenAI's wording, and to nothing", () => {
    expect(parseRetryAfter(headers({}), 'Rate limit reached. Please try again in 20ms.', now)).toBe(1);
    expect(parseRetryAfter(headers({}), 'Please try again in 6.5s.', now)).toBe(7);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), undefined, now)).toBeUndefined();
    expect(parseRetryAfter(headers({}), undefined, now)).toBeUndefined();
  });
});

describe('serverText', () => {
  it('hides keys and shortens long messages', () => {
    expect(serverText('bad key sk-proj-abcdefghijklmnopqrstuvwxyz')).toBe('bad key sk-proj…');
    expect(serverText('key my-local-key is wrong', 'my-local-key')).toBe('key [key hidden] is wrong');
    expect(serverText('x'.repeat(1000)).length).toBe(300);
    expect(serverText(undefined)).toBe('');
  });
});
