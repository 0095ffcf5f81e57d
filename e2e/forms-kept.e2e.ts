/**
 * Small things a user notices: "Paste an answer" keeps its fields after "Show steps" and after a reload, and
 * the reload reopens that tab; "Test connection" warns about a mistyped model and names the one meant.
 */
import { describe, expect, it } from 'vitest';
import { openPage, storedEntries } from './harness.ts';
import { appWithFakeServer } from './test-setup.ts';

const env = appWithFakeServer();

const ANSWER = '## Step 1: Subtract 3\n\\[ 2x = 8 \\]\n\n## Step 2: Divide by 2\n\\[ x = 4 \\]\n\n## Answer\n\\[ \\boxed{x = 4} \\]';

describe('forms keep what was typed', () => {
  it('"Paste an answer" keeps both fields after "Show steps" and, with its tab, after a reload', async () => {
    const { page, context, errors } = await openPage(env.app);
    await page.getByRole('tab', { name: 'Paste an answer' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('textbox', { name: 'Problem' }).fill('Solve 2x + 3 = 11');
    await panel.getByRole('textbox', { name: "Model's answer" }).fill(ANSWER);
    await panel.getByRole('button', { name: 'Show steps' }).click();
    await page.getByRole('region', { name: 'Solution' }).getByRole('button', { name: 'Next step' }).waitFor();
    expect(await panel.getByRole('textbox', { name: 'Problem' }).inputValue()).toBe('Solve 2x + 3 = 11');
    expect(await panel.getByRole('textbox', { name: "Model's answer" }).inputValue()).toBe(ANSWER);

    await expect.poll(async () => (await page.evaluate(storedEntries)).length).toBe(1);
    await page.reload();
    await page.getByRole('tab', { name: 'Paste an answer', selected: true }).waitFor();
    expect(await panel.getByRole('textbox', { name: 'Problem' }).inputValue()).toBe('Solve 2x + 3 = 11');
    expect(await panel.getByRole('textbox', { name: "Model's answer" }).inputValue()).toBe(ANSWER);

    // Back on Ask, a reload stays on Ask.
    await page.getByRole('tab', { name: 'Ask' }).click();
    await page.reload();
    await page.getByRole('tab', { name: 'Ask', selected: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Test connection" warns that a mistyped model is not on the server and offers the right one', async () => {
    const { page, context } = await openPage(env.app);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Settings' });
    await settings.getByRole('radio', { name: /A model server/ }).check();
    await settings.getByRole('textbox', { name: 'Base URL' }).fill(env.server.url);
    await settings.getByRole('textbox', { name: 'Model' }).fill('fake-mdoel');
    await settings.getByRole('button', { name: 'Test connection' }).click();
    await settings.getByText('fake-mdoel is not on this server; did you mean fake-model?').waitFor();
    await settings.getByRole('button', { name: 'Use fake-model' }).click();
    expect(await settings.getByRole('textbox', { name: 'Model' }).inputValue()).toBe('fake-model');
    expect(await settings.getByText(/is not on this server/).count()).toBe(0);
    await context.close();
  });
});
