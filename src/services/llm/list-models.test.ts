// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeServer, type FakeServer } from '../../../e2e/fake-server.ts';
import { listModels, type ModelSettings } from './index.ts';

const KEY = 'sk-list-0123456789abcdef';
let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer({ apiKey: KEY, models: ['zeta-model', 'alpha-model', 'o3-mini'] });
});
afterAll(() => server.close());

const settings = (over: Partial<ModelSettings> = {}): ModelSettings => ({
  baseURL: server.url,
  apiKey: KEY,
  model: '',
  reasoningEffort: 'medium',
  ...over,
});

describe('listModels ("Test connection")', () => {
  it("lists the server's models, sorted", async () => {
    expect(await listModels(settings())).toEqual({ ok: true, value: ['alpha-model', 'o3-mini', 'zeta-model'] });
    const last = server.requests.at(-1);
    expect(last?.method).toBe('GET');
    expect(last?.url).toBe('/v1/models');
    expect(last?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('says precisely why it cannot: wrong key', async () => {
    const result = await listModels(settings({ apiKey: 'sk-nope-nope-nope-nope' }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', status: 401 } });
  });

  it('says precisely why it cannot: a base URL without /v1', async () => {
    const result = await listModels(settings({ baseURL: server.url.replace(/\/v1$/, '') }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad-request', status: 404 } });
    if (!result.ok) expect(result.error.hint).toContain('/v1');
  });

  it('says precisely why it cannot: rate limit, server error, CORS-less or absent server', async () => {
    server.setScenario('rate-limited');
    expect(await listModels(settings())).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterSeconds: 7 } });
    server.setScenario('server-error');
    expect(await listModels(settings())).toMatchObject({ ok: false, error: { kind: 'server-error', status: 500 } });
    server.setScenario('ok');

    const gone = await startFakeServer();
    const url = gone.url;
    await gone.close();
    expect(await listModels(settings({ baseURL: url }))).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  it('says precisely why it cannot: settings incomplete, before sending anything', async () => {
    const before = server.requests.length;
    expect(await listModels(settings({ baseURL: 'localhost:11434' }))).toMatchObject({ ok: false, error: { kind: 'no-endpoint' } });
    expect(await listModels(settings({ baseURL: 'https://api.openai.com/v1', apiKey: '' }))).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized', message: 'OpenAI needs an API key, and none is set.' },
    });
    expect(server.requests.length).toBe(before);
  });

  it('stops when the user cancels', async () => {
    expect(await listModels(settings(), AbortSignal.abort())).toMatchObject({ ok: false, error: { kind: 'aborted' } });
  });

  describe('a web page instead of an API', () => {
    let page: Server;
    let pageURL: string;
    beforeAll(async () => {
      page = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>Open WebUI</title>');
      });
      await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
      page.unref();
      pageURL = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => page.close(() => r())));

    it('is reported as not an OpenAI-compatible API', async () => {
      const result = await listModels(settings({ baseURL: pageURL }));
      expect(result).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
      if (!result.ok) expect(result.error.message).toContain('not like an OpenAI-compatible API');
    });
  });
});
