import { describe, expect, it } from 'vitest';
import { sampleItem } from '../../core/library/test-support/sample-item.ts';
import { MAX_LINK_CHARS, type SharedSolution } from '../../core/share/share-payload.ts';
import { makeShareLink, readShareLink } from './share-link.ts';

const PAGE = 'https://example.org/stepwise/#/library';

const shared = (steps = 3): SharedSolution => {
  const item = sampleItem('a', 'Solve $2x + 3 = 11$ for $x$.', steps);
  return { problem: item.problem, solution: item.solution, answer: 'Step 1: … the whole answer text …', model: 'gpt-4o' };
};

async function link(s: SharedSolution): Promise<string> {
  const made = await makeShareLink(s, PAGE);
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}
const payloadOf = (url: string) => url.slice(url.indexOf('#/share/') + '#/share/'.length);

/** `n` characters that barely compress (pseudo-random letters and digits). */
function noisy(n: number): string {
  let seed = 12345;
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: n }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return chars[(seed >>> 16) % chars.length];
  }).join('');
}

describe('share links', () => {
  it('round-trip through the fragment of the current page', async () => {
    const url = await link(shared());
    expect(url.startsWith('https://example.org/stepwise/#/share/1.')).toBe(true);
    expect(url).toMatch(/^[^#]*#\/share\/[0-9A-Za-z._-]+$/);
    expect(await readShareLink(payloadOf(url))).toEqual({ ok: true, value: shared() });
  });

  it('carry the teacher\'s reveal policy, also when the answer text is dropped to fit', async () => {
    const withPolicy = { ...shared(), policy: 'hints-only' as const };
    expect(await readShareLink(payloadOf(await link(withPolicy)))).toEqual({ ok: true, value: withPolicy });
    const big = { ...withPolicy, answer: noisy(12000) };
    const read = await readShareLink(payloadOf(await link(big)));
    expect(read.ok && read.value).toMatchObject({ answer: '', policy: 'hints-only' });
  });

  it('compresses: a long repetitive solution makes a short link', async () => {
    const s = shared(40);
    expect(JSON.stringify(s).length).toBeGreaterThan(4000);
    expect((await link(s)).length).toBeLessThan(1500);
  });

  it('drops the answer text, then refuses with the size and limit, as a solution grows', async () => {
    const big = shared(1);
    big.answer = noisy(12000);
    const lean = await link(big);
    expect(lean.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    const read = await readShareLink(payloadOf(lean));
    expect(read.ok && read.value.answer).toBe('');
    expect(read.ok && read.value.solution).toEqual(big.solution);

    big.solution.steps[0]!.body = noisy(12000);
    const made = await makeShareLink(big, PAGE);
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.error.kind).toBe('too-long');
    const n = Number(/\(([\d,]+) characters/.exec(made.error.message)?.[1]?.replace(/,/g, ''));
    expect(n).toBeGreaterThan(MAX_LINK_CHARS);
    expect(made.error.message).toContain(`the limit is ${MAX_LINK_CHARS.toLocaleString('en')}`);
    expect(made.error.hint).toContain('export the set file');
  });

  it('report a link cut short, a damaged one and a newer one', async () => {
    const payload = payloadOf(await link(shared()));
    expect(await readShareLink(payload.slice(0, -10))).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    // The same length, different letters: the compressed data no longer unpacks to a solution.
    const data = payload.slice(payload.lastIndexOf('.') + 1);
    const flipped = payload.slice(0, payload.length - data.length) + [...data].map((c, i) => (i > 4 && i % 3 === 0 ? (c === 'A' ? 'B' : 'A') : c)).join('');
    expect(await readShareLink(flipped)).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    expect(await readShareLink('1.8.AAAAAAAA')).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    expect(await readShareLink(payload.replace(/^1\./, '9.'))).toMatchObject({ ok: false, error: { kind: 'newer-version' } });
    expect(await readShareLink('')).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });

  it('refuses a link that would unpack into something huge', async () => {
    const { deflateRaw } = await import('./deflate.ts');
    const { toBase64url } = await import('../../core/share/base64url.ts');
    const bomb = toBase64url(await deflateRaw(new Uint8Array(5_000_000).fill(32)));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(await readShareLink(`1.${bomb.length}.${bomb}`)).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
  });
});
