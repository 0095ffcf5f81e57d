import { describe, expect, it } from 'vitest';
import { defaultSettings, readStoredSettings, toStored } from './settings.ts';

describe('stored settings', () => {
  it('round-trips without the API key', () => {
    const s = { ...defaultSettings(), solver: 'model' as const, baseURL: 'http://localhost:11434/v1', model: 'qwen', apiKey: 'sk-secret' };
    const text = JSON.stringify(toStored(s));
    expect(text).not.toContain('sk-secret');
    const { apiKey: _k, ...rest } = s;
    expect(readStoredSettings(text)).toEqual({ settings: rest, repaired: [] });
  });

  it('falls back to defaults for damaged data and names what was reset', () => {
    const { apiKey: _k, ...defaults } = defaultSettings();
    expect(readStoredSettings('{not json')).toEqual({ settings: defaults, repaired: ['all (not JSON)'] });
    const r = readStoredSettings(JSON.stringify({ v: 1, solver: 'magic', baseURL: 42, model: 'm' }));
    expect(r.settings).toMatchObject({ solver: 'builtin', baseURL: '', model: 'm' });
    expect(r.repaired).toEqual(['solver', 'baseURL']);
  });
});
