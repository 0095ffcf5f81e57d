import { describe, expect, it } from 'vitest';
import { hostOf, isLocalHost, normalizeBaseURL } from './base-url.ts';

describe('normalizeBaseURL', () => {
  it('accepts http and https URLs and drops trailing slashes', () => {
    expect(normalizeBaseURL(' http://localhost:11434/v1/ ')).toEqual({ ok: true, value: 'http://localhost:11434/v1' });
    expect(normalizeBaseURL('https://api.openai.com/v1')).toEqual({ ok: true, value: 'https://api.openai.com/v1' });
    expect(normalizeBaseURL('http://localhost:11434')).toEqual({ ok: true, value: 'http://localhost:11434' });
    expect(normalizeBaseURL('HTTP://LocalHost:8080/a/../v1')).toEqual({ ok: true, value: 'http://localhost:8080/v1' });
  });

  it('names what is wrong with an unusable URL', () => {
    expect(normalizeBaseURL('   ')).toEqual({ ok: false, error: 'empty' });
    expect(normalizeBaseURL('localhost:11434/v1')).toEqual({ ok: false, error: 'not-http' });
    expect(normalizeBaseURL('api.openai.com/v1')).toEqual({ ok: false, error: 'not-a-url' });
    expect(normalizeBaseURL('ftp://example.com/v1')).toEqual({ ok: false, error: 'not-http' });
    expect(normalizeBaseURL('https://user:sk-secret@example.com/v1')).toEqual({ ok: false, error: 'has-credentials' });
  });
});

describe('hostOf / isLocalHost', () => {
  it('labels servers by host and port', () => {
    expect(hostOf('http://localhost:11434/v1')).toBe('localhost:11434');
    expect(hostOf('not a url')).toBe('not a url');
  });
  it('knows loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', 'app.localhost']) expect(isLocalHost(h)).toBe(true);
    for (const h of ['example.com', '192.168.1.10', 'localhost.example.com']) expect(isLocalHost(h)).toBe(false);
  });
});
