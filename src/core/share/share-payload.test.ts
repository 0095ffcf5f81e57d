import { describe, expect, it } from 'vitest';
import { sampleItem } from '../library/test-support/sample-item.ts';
import { fromBase64url, toBase64url } from './base64url.ts';
import { joinPayload, MAX_LINK_CHARS, payloadJson, readPayloadJson, splitPayload, tooLongError, type SharedSolution } from './share-payload.ts';

const shared = (): SharedSolution => {
  const item = sampleItem('a');
  return { problem: item.problem, solution: item.solution, answer: item.answerText, model: item.model };
};

describe('base64url', () => {
  it('round-trips every length and byte value, with URL-safe characters only', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) % 256);
      const text = toBase64url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64url(text)).toEqual(bytes);
    }
    // Node's own encoder agrees.
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64url('ab+c')).toBeNull();
    expect(fromBase64url('ab c')).toBeNull();
    expect(fromBase64url('abcde')).toBeNull();
  });
});

describe('payload JSON', () => {
  it('round-trips problem, solution, answer and model', () => {
    const read = readPayloadJson(payloadJson(shared()));
    expect(read).toEqual({ ok: true, value: shared() });
  });

  it('leaves out empty fields and keeps only known solution fields', () => {
    const s = { ...shared(), answer: '', model: '' };
    (s.solution as unknown as Record<string, unknown>).extra = 'x';
    const json = JSON.parse(payloadJson(s)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['p', 's', 'v']);
    expect(json.s).not.toHaveProperty('extra');
  });

  it('reports damaged contents with the reason', () => {
    const bad = (x: unknown) => readPayloadJson(typeof x === 'string' ? x : JSON.stringify(x));
    expect(bad('{not json')).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    expect(bad([1, 2])).toMatchObject({ ok: false, error: { kind: 'corrupt', message: expect.stringContaining('no solution') } });
    expect(bad({ v: 1, s: shared().solution })).toMatchObject({ ok: false, error: { message: expect.stringContaining('no problem text') } });
    const broken = { v: 1, p: 'x', s: { ...shared().solution, steps: [{ title: 1 }] } };
    expect(bad(broken)).toMatchObject({ ok: false, error: { message: 'This share link is damaged: step 1 is malformed.' } });
    const empty = { v: 1, p: 'x', s: { preamble: null, steps: [], answer: null, thinking: null } };
    expect(bad(empty)).toMatchObject({ ok: false, error: { message: expect.stringContaining('empty') } });
    expect(bad({ v: 1, p: 'x', s: shared().solution, a: 5 })).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
  });

  it('carries a reveal policy as one letter, and reads each one back', () => {
    for (const [policy, code] of [['free', 'f'], ['try-first', 't'], ['hints-only', 'h']] as const) {
      const json = payloadJson({ ...shared(), policy });
      expect(JSON.parse(json)).toMatchObject({ v: 1, r: code });
      expect(readPayloadJson(json)).toEqual({ ok: true, value: { ...shared(), policy } });
    }
  });

  it('reads a link without a policy exactly as before (no policy field at all)', () => {
    const json = payloadJson(shared());
    expect(JSON.parse(json)).not.toHaveProperty('r');
    const read = readPayloadJson(json);
    expect(read.ok && Object.keys(read.value).sort()).toEqual(['answer', 'model', 'problem', 'solution']);
    // A link as the version before policies wrote it, by hand.
    const old = JSON.stringify({ v: 1, p: 'Solve $x + 1 = 2$', s: shared().solution });
    expect(readPayloadJson(old)).toEqual({ ok: true, value: { problem: 'Solve $x + 1 = 2$', solution: shared().solution, answer: '', model: '' } });
  });

  it('calls a link with an unknown or malformed policy damaged', () => {
    for (const r of ['x', 'hints-only', 1, null, ['h'], '']) {
      const read = readPayloadJson(JSON.stringify({ v: 1, p: 'x', s: shared().solution, r }));
      expect(read).toEqual({
        ok: false,
        error: { kind: 'corrupt', message: 'This share link is damaged: its reveal policy is not one Stepwise knows.', hint: expect.any(String) },
      });
    }
  });

  it('says a payload from a newer version needs a newer app', () => {
    const newer = readPayloadJson(JSON.stringify({ v: 2, p: 'x', s: {} }));
    expect(newer).toMatchObject({ ok: false, error: { kind: 'newer-version', message: expect.stringContaining('v2') } });
  });
});

describe('fragment text', () => {
  it('carries version and length in front of the data', () => {
    expect(joinPayload('abcd')).toBe('1.4.abcd');
    expect(splitPayload('1.4.abcd')).toEqual({ ok: true, value: { version: 1, data: 'abcd' } });
  });

  it('tells a link cut short from a damaged, empty or newer one', () => {
    expect(splitPayload('1.10.abcd')).toMatchObject({ ok: false, error: { kind: 'truncated', message: expect.stringContaining('4 of its 10') } });
    expect(splitPayload('1.2.abcd')).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    expect(splitPayload('1.4.ab%d')).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    expect(splitPayload('hello')).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    expect(splitPayload('')).toMatchObject({ ok: false, error: { kind: 'empty' } });
    expect(splitPayload('3.4.abcd')).toMatchObject({ ok: false, error: { kind: 'newer-version', message: expect.stringContaining('v3') } });
    // A later version may change everything after its number; it is still recognised as newer.
    expect(splitPayload('2.anything')).toMatchObject({ ok: false, error: { kind: 'newer-version' } });
  });

  it('states the size and the limit when too long', () => {
    expect(tooLongError(12345).message).toBe(
      `This solution is too long to share as a link (12,345 characters; the limit is ${MAX_LINK_CHARS.toLocaleString('en')}).`,
    );
    expect(tooLongError(12345).hint).toBe('Save it to a set and export the set file instead.');
  });
});
