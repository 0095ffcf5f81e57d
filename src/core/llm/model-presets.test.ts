import { describe, expect, it } from 'vitest';
import { findPreset, MODEL_PRESETS, presetForBaseURL } from './model-presets.ts';
import { normalizeBaseURL } from './base-url.ts';

describe('model presets', () => {
  it('offers the six servers with their documented base URLs', () => {
    expect(Object.fromEntries(MODEL_PRESETS.map((p) => [p.id, p.baseURL]))).toEqual({
      openai: 'https://api.openai.com/v1',
      openrouter: 'https://openrouter.ai/api/v1',
      ollama: 'http://localhost:11434/v1',
      lmstudio: 'http://localhost:1234/v1',
      vllm: 'http://localhost:8000/v1',
      llamacpp: 'http://localhost:8080/v1',
    });
  });

  it('requires a key only for the hosted services', () => {
    expect(MODEL_PRESETS.filter((p) => p.needsKey).map((p) => p.id)).toEqual(['openai', 'openrouter']);
  });

  it('has valid base URLs and non-empty hints', () => {
    for (const p of MODEL_PRESETS) {
      expect(normalizeBaseURL(p.baseURL)).toEqual({ ok: true, value: p.baseURL });
      expect(p.corsHint('https://tutor.example').length).toBeGreaterThan(40);
      expect(p.keyHint).not.toBe('');
      expect(p.modelHint).not.toBe('');
    }
  });

  it("names Ollama's OLLAMA_ORIGINS setting with the page's origin", () => {
    expect(findPreset('ollama')?.corsHint('https://tutor.example')).toContain('OLLAMA_ORIGINS="https://tutor.example"');
    expect(findPreset('lmstudio')?.corsHint('x')).toContain('Enable CORS');
    expect(findPreset('vllm')?.corsHint('https://t.example')).toContain('--allowed-origins');
  });

  it('recognises which server a base URL points at', () => {
    expect(presetForBaseURL('http://127.0.0.1:11434/v1')?.id).toBe('ollama');
    expect(presetForBaseURL('http://localhost:11434')?.id).toBe('ollama');
    expect(presetForBaseURL('http://localhost:1234/v1')?.id).toBe('lmstudio');
    expect(presetForBaseURL('https://API.openai.com/v1')?.id).toBe('openai');
    expect(presetForBaseURL('https://openrouter.ai/api/v1')?.id).toBe('openrouter');
    expect(presetForBaseURL('http://192.168.1.5:11434/v1')?.id).toBe('ollama');
    expect(presetForBaseURL('http://192.168.1.5:8000/v1')).toBeUndefined();
    expect(presetForBaseURL('http://localhost:9999/v1')).toBeUndefined();
    expect(presetForBaseURL('nonsense')).toBeUndefined();
  });
});
