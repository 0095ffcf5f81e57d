// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { defaultHandoutOptions, layoutHandout } from '../../core/handout/handout.ts';
import { sampleItem } from '../../core/library/test-support/sample-item.ts';
import { PRINT_EVENT, PrintPage } from './print-page.tsx';

afterEach(() => {
  cleanup();
  delete window.__stepwiseHandout;
  delete document.body.dataset.handoutReady;
});

const doc = layoutHandout([sampleItem('a')].map((i) => ({ id: i.id, problem: i.problem, solution: i.solution })), { ...defaultHandoutOptions(), title: 'From the CLI', mode: 'worked' });

it('prints the document handed in before load, and says when it is ready (math typeset)', async () => {
  window.__stepwiseHandout = { doc, paper: 'letter' };
  render(<PrintPage />);
  expect(screen.getByRole('heading', { level: 1, name: 'From the CLI' })).toBeTruthy();
  expect(document.querySelector('style')!.textContent).toContain('size: letter;');
  await waitFor(() => expect(document.body.dataset.handoutReady).toBe('true'));
  expect(document.querySelector('.rich-text__plain')).toBeNull();
  expect(document.querySelector('.katex')).not.toBeNull();
});

it('waits for a document handed in later, and refuses one it cannot print', async () => {
  render(<PrintPage />);
  expect(screen.getByRole('status').textContent).toBe('Waiting for a handout to print…');
  await act(async () => {
    window.__stepwiseHandout = { doc, paper: 'a3' };
    window.dispatchEvent(new Event(PRINT_EVENT));
  });
  expect(screen.getByRole('status').textContent).toBe('The handout handed to this page is not one Stepwise can print.');
  expect(document.body.dataset.handoutReady).toBeUndefined();
  await act(async () => {
    window.__stepwiseHandout = { doc, paper: 'a4' };
    window.dispatchEvent(new Event(PRINT_EVENT));
  });
  expect(screen.getByRole('heading', { level: 1, name: 'From the CLI' })).toBeTruthy();
  await waitFor(() => expect(document.body.dataset.handoutReady).toBe('true'));
});
