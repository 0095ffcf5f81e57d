// @vitest-environment jsdom
/**
 * Untrusted answers rendered by the Markdown renderer make no request: images wait for the user's "Load image
 * from <host>", raw HTML stays text, and links are safe to click.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MathMarkdown } from './math-markdown.tsx';

afterEach(cleanup);

const HOSTILE = [
  'Look: ![a graph of the line](http://127.0.0.1:9/md.png?problem=2x%2B3) and ![](//evil.example/proto.png)',
  '',
  // Blocks render one by one, so a reference definition counts within its own block.
  '[pic]: https://example.com/ref.png',
  '![ref image][pic]',
  '',
  '<img src="http://127.0.0.1:9/html.png" srcset="http://127.0.0.1:9/srcset.png 2x">',
  '',
  '<picture><source srcset="http://127.0.0.1:9/source.png"></picture> <span style="background:url(http://127.0.0.1:9/css.png)">x</span>',
  '',
  '<link rel="prefetch" href="http://127.0.0.1:9/prefetch"> <iframe src="http://127.0.0.1:9/frame"></iframe> <video poster="http://127.0.0.1:9/poster.png"></video>',
  '',
  'Autolink <http://127.0.0.1:9/auto> and [click](javascript:alert(1)) and [wiki](https://en.wikipedia.org/wiki/Line).',
].join('\n');

/** Every element attribute that could make the browser fetch something. */
function fetchingAttributes(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    for (const name of ['src', 'srcset', 'poster', 'data', 'background']) if (el.hasAttribute(name)) found.push(`${el.tagName} ${name}`);
    if (el.tagName === 'LINK') found.push('LINK');
    if (/url\(/i.test(el.getAttribute('style') ?? '')) found.push(`${el.tagName} style url()`);
  }
  return found;
}

describe('untrusted Markdown', () => {
  it('loads no image and no other resource; each image gets its own button naming its host', () => {
    const { container } = render(<MathMarkdown text={HOSTILE} />);
    expect(fetchingAttributes(container)).toEqual([]);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Load image from 127.0.0.1',
      'Load image from evil.example',
      'Load image from example.com',
    ]);
    // The alt text and the address are there to read.
    expect(container.textContent).toContain('a graph of the line');
    expect(container.textContent).toContain('http://127.0.0.1:9/md.png?problem=2x%2B3');
    // Raw HTML is shown as text, not made into elements.
    expect(container.textContent).toContain('<iframe src="http://127.0.0.1:9/frame">');
  });

  it('loads exactly the image whose button was pressed, without a referrer', async () => {
    const { container } = render(<MathMarkdown text={HOSTILE} />);
    await userEvent.click(screen.getByRole('button', { name: 'Load image from example.com' }));
    const images = container.querySelectorAll('img');
    expect([...images].map((img) => img.getAttribute('src'))).toEqual(['https://example.com/ref.png']);
    expect(images[0]?.getAttribute('alt')).toBe('ref image');
    expect(images[0]?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(screen.queryByRole('button', { name: 'Load image from example.com' })).toBeNull();
    expect(screen.getAllByRole('button')).toHaveLength(2);
  });

  it('shows small data: images at once and refuses other schemes without a button', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const { container } = render(<MathMarkdown text={`![dot](${png}) ![page](data:text/html,hi) ![f](file:///etc/passwd)`} />);
    expect([...container.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([png]);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(container.textContent).toContain('file:///etc/passwd');
    expect(container.textContent).toContain('(image not shown)');
  });

  it('keeps links safe: no script URLs, no opener, no referrer', () => {
    render(<MathMarkdown text={HOSTILE} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['http://127.0.0.1:9/auto', 'https://en.wikipedia.org/wiki/Line']);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    // The javascript: link is shown as its text only.
    expect(screen.getByText('click').closest('a')).toBeNull();
  });
});
