import { describe, expect, it } from 'vitest';
import { checkSettings } from './check-settings.ts';

describe('checkSettings', () => {
  it('normalises usable settings', () => {
    expect(checkSettings({ baseURL: 'http://localhost:11434/v1/', apiKey: ' ', model: ' qwen2.5:7b ' }, { model: true })).toEqual({
      ok: true,
      value: { baseURL: 'http://localhost:11434/v1', apiKey: '', model: 'qwen2.5:7b' },
    });
    expect(checkSettings({ baseURL: 'https://api.openai.com/v1', apiKey: 'sk-abc\n', model: 'o3' }, { model: true })).toMatchObject({
      ok: true,
      value: { apiKey: 'sk-abc' },
    });
  });

  it('reports what is missing before anything is sent', () => {
    expect(checkSettings({ baseURL: '', apiKey: '', model: 'm' }, { model: true })).toEqual({
      ok: false,
      error: { type: 'no-endpoint', problem: 'empty', input: '' },
    });
    expect(checkSettings({ baseURL: 'http://localhost:8080/v1', apiKey: '', model: '' }, { model: true })).toEqual({
      ok: false,
      error: { type: 'no-endpoint', problem: 'no-model' },
    });
    expect(checkSettings({ baseURL: 'http://localhost:8080/v1', apiKey: '', model: '' }, { model: false }).ok).toBe(true);
    expect(checkSettings({ baseURL: 'https://openrouter.ai/api/v1', apiKey: '', model: 'x' }, { model: true })).toEqual({
      ok: false,
      error: { type: 'missing-key' },
    });
  });
});
