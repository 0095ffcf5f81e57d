// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDraft } from '../../services/storage/index.ts';
import { useHistoryStore } from '../../stores/history-store.ts';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { useRunStore } from '../../stores/run-store.ts';
import { PasteForm } from './paste-form.tsx';

beforeEach(() => {
  resetStoresForTest();
});
afterEach(cleanup);

const CHATGPT_STYLE = `To solve the equation, follow these steps.

**Step 1: Subtract 3**

\\[ 2x = 8 \\]

**Step 2: Divide by 2**

\\[ x = 4 \\]

**Final answer:** \\(x = 4\\)`;

describe('PasteForm', () => {
  it('turns a pasted answer into steps and a history entry, with no model', async () => {
    const user = userEvent.setup();
    render(<PasteForm />);
    await user.type(screen.getByRole('textbox', { name: 'Problem' }), 'Solve 2x + 3 = 11');
    await user.click(screen.getByRole('textbox', { name: "Model's answer" }));
    await user.paste(CHATGPT_STYLE);
    await user.click(screen.getByRole('button', { name: 'Show steps' }));
    await waitFor(() => expect(useRunStore.getState().source).toBe('paste'));
    const s = useRunStore.getState();
    expect(s.problem).toBe('Solve 2x + 3 = 11');
    expect(s.solution.steps.map((st) => st.title)).toEqual(['Subtract 3', 'Divide by 2']);
    expect(s.solution.answer?.text).toBe('x = 4');
    expect(useHistoryStore.getState().entries[0]).toMatchObject({ source: 'paste', answer: CHATGPT_STYLE });
    // The fields keep what was pasted (a line can be fixed and shown again), and so does the tab's storage.
    expect((screen.getByRole('textbox', { name: 'Problem' }) as HTMLTextAreaElement).value).toBe('Solve 2x + 3 = 11');
    expect((screen.getByRole('textbox', { name: "Model's answer" }) as HTMLTextAreaElement).value).toBe(CHATGPT_STYLE);
    expect(loadDraft()).toMatchObject({ pasteProblem: 'Solve 2x + 3 = 11', pasteAnswer: CHATGPT_STYLE });
  });

  it('asks for the problem instead of dropping the answer', async () => {
    const user = userEvent.setup();
    render(<PasteForm />);
    await user.click(screen.getByRole('textbox', { name: "Model's answer" }));
    await user.paste('## Step 1: A\nx = 1');
    await user.click(screen.getByRole('button', { name: 'Show steps' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Add the problem/);
    expect((screen.getByRole('textbox', { name: "Model's answer" }) as HTMLTextAreaElement).value).toBe('## Step 1: A\nx = 1');
    expect(useHistoryStore.getState().entries).toHaveLength(0);
  });
});
