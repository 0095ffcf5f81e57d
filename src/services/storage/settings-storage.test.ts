// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/settings/settings.ts';
import { loadSettings, saveSettings } from './settings-storage.ts';

describe('settings storage', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('keeps the key for this session only by default', () => {
    saveSettings({ ...defaultSettings(), baseURL: 'https://api.openai.com/v1', apiKey: 'sk-abc', model: 'gpt-4o' });
    expect(sessionStorage.getItem('stepwise.apiKey')).toBe('sk-abc');
    expect(JSON.stringify({ ...localStorage })).not.toContain('sk-abc');
    expect(loadSettings().settings).toMatchObject({ apiKey: 'sk-abc', model: 'gpt-4o' });
    sessionStorage.clear(); // a new session
    expect(loadSettings().settings.apiKey).toBe('');
  });

  it('"Remember on this device" moves the key to localStorage, and unticking it forgets it there', () => {
    const s = { ...defaultSettings(), apiKey: 'sk-abc', remember: true };
    saveSettings(s);
    expect(localStorage.getItem('stepwise.apiKey')).toBe('sk-abc');
    expect(sessionStorage.getItem('stepwise.apiKey')).toBeNull();
    sessionStorage.clear();
    expect(loadSettings().settings.apiKey).toBe('sk-abc');
    saveSettings({ ...s, remember: false });
    expect(localStorage.getItem('stepwise.apiKey')).toBeNull();
    expect(sessionStorage.getItem('stepwise.apiKey')).toBe('sk-abc');
  });

  it('reports damaged stored settings instead of failing', () => {
    localStorage.setItem('stepwise.settings', '{"v":1,"solver":"???"');
    const loaded = loadSettings();
    expect(loaded.settings.solver).toBe('builtin');
    expect(loaded.notice).toMatch(/could not be read/);
  });
});
