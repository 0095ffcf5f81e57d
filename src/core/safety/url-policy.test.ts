import { describe, expect, it } from 'vitest';
import { imagePolicy, MAX_INLINE_IMAGE_CHARS, safeLinkHref } from './url-policy.ts';

const PAGE = 'https://tutor.example/app/#/';

describe('imagePolicy', () => {
  it('asks before fetching any http(s) image, naming its host (without the port)', () => {
    expect(imagePolicy('https://example.com/a.png', PAGE)).toEqual({ kind: 'ask', url: 'https://example.com/a.png', host: 'example.com' });
    expect(imagePolicy('http://127.0.0.1:9431/x.png?q=2x%2B3', PAGE)).toEqual({
      kind: 'ask',
      url: 'http://127.0.0.1:9431/x.png?q=2x%2B3',
      host: '127.0.0.1',
    });
    expect(imagePolicy('http://[::1]:80/i.png', PAGE)).toMatchObject({ kind: 'ask', host: '[::1]' });
  });

  it('treats relative and protocol-relative references like any other host', () => {
    expect(imagePolicy('//evil.example/p.png', PAGE)).toEqual({ kind: 'ask', url: 'https://evil.example/p.png', host: 'evil.example' });
    expect(imagePolicy('/img/p.png', PAGE)).toEqual({ kind: 'ask', url: 'https://tutor.example/img/p.png', host: 'tutor.example' });
    expect(imagePolicy('p.png', PAGE)).toMatchObject({ kind: 'ask', host: 'tutor.example' });
  });

  it('shows small data: images at once and refuses large ones', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(imagePolicy(png, PAGE)).toEqual({ kind: 'inline', src: png });
    expect(imagePolicy('DATA:image/svg+xml,%3Csvg/%3E', PAGE)).toMatchObject({ kind: 'inline' });
    const big = `data:image/png;base64,${'A'.repeat(MAX_INLINE_IMAGE_CHARS)}`;
    expect(imagePolicy(big, PAGE)).toEqual({ kind: 'refuse', reason: 'too-large' });
    const limit = `data:image/gif;base64,${'A'.repeat(MAX_INLINE_IMAGE_CHARS - 'data:image/gif;base64,'.length)}`;
    expect(imagePolicy(limit, PAGE).kind).toBe('inline');
  });

  it('refuses data: that is not an image, and every other scheme', () => {
    for (const src of [
      'data:text/html,<script>alert(1)</script>',
      'data:image/png', // no comma: not a data URL
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'blob:https://tutor.example/1',
      'ftp://example.com/a.png',
      'vbscript:msgbox',
    ]) {
      expect(imagePolicy(src, PAGE), src).toMatchObject({ kind: 'refuse' });
    }
  });

  it('refuses URLs with credentials (they read as another host) and unparsable ones', () => {
    expect(imagePolicy('https://trusted.example@evil.example/a.png', PAGE)).toEqual({ kind: 'refuse', reason: 'invalid' });
    expect(imagePolicy('http://[oops/a.png', PAGE)).toEqual({ kind: 'refuse', reason: 'invalid' });
  });
});

describe('safeLinkHref', () => {
  it('keeps http, https and mailto links, normalised as the browser would read them', () => {
    expect(safeLinkHref('https://en.wikipedia.org/wiki/Quadratic_formula', PAGE)).toBe('https://en.wikipedia.org/wiki/Quadratic_formula');
    expect(safeLinkHref('HTTP://Example.COM', PAGE)).toBe('http://example.com/');
    expect(safeLinkHref('mailto:teacher@school.example', PAGE)).toBe('mailto:teacher@school.example');
    expect(safeLinkHref('#step-2', PAGE)).toBe('https://tutor.example/app/#step-2');
  });

  it('drops script, data and other schemes, however they are disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\nscript:alert(1)',
      '\tjavascript:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      'file:///c:/x',
      '',
      'https://user:pass@example.com/',
    ]) {
      expect(safeLinkHref(href, PAGE), JSON.stringify(href)).toBeNull();
    }
  });
});
