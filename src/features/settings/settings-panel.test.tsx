// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../../e2e/fake-server.ts';
import { resetStoresForTest } from '../../stores/reset-stores.ts';
import { useSettingsStore } from '../../stores/settings-store.ts';
import { SettingsPanel } from './settings-panel.tsx';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer({ idleTimeoutMs: 30_000, models: ['alpha-7b', 'beta-70b'] });
});
afterAll(() => server.close());
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetStoresForTest();
  server.configure({ scenario: 'ok', apiKey: undefined });
});
afterEach(cleanup);

describe('SettingsPanel', () => {
  it('fills Base URL and Model from a preset and switches to the model server', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.click(screen.getByRole('button', { name: 'Ollama' }));
    expect((screen.getByRole('textbox', { name: 'Base URL' }) as HTMLInputElement).value).toBe('http://localhost:11434/v1');
    expect((screen.getByRole('textbox', { name: 'Model' }) as HTMLInputElement).value).toBe('qwen2.5:7b');
    expect(screen.getByRole('radio', { name: /A model server/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('button', { name: 'Ollama' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the key for this session unless "Remember on this device" is ticked', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.type(screen.getByLabelText('API key'), 'sk-test-123');
    expect(sessionStorage.getItem('stepwise.apiKey')).toBe('sk-test-123');
    expect(localStorage.getItem('stepwise.apiKey')).toBeNull();
    expect(screen.getByText(/forgotten when you close this tab/)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
    expect(localStorage.getItem('stepwise.apiKey')).toBe('sk-test-123');
    expect(sessionStorage.getItem('stepwise.apiKey')).toBeNull();
    expect(JSON.stringify({ ...localStorage }).match(/sk-test-123/g)).toHaveLength(1);
  });

  it('"Test connection" lists the server\'s models, and one can be picked', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.type(screen.getByRole('textbox', { name: 'Base URL' }), server.url);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const models = await screen.findByRole('list', { name: 'Models on the server' });
    expect(within(models).getAllByRole('button').map((b) => b.textContent)).toEqual(['alpha-7b', 'beta-70b']);
    await user.click(within(models).getByRole('button', { name: 'beta-70b' }));
    expect(useSettingsStore.getState().model).toBe('beta-70b');
  });

  it('"Test connection" warns when the typed model is not on the server, and offers the closest one', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.type(screen.getByRole('textbox', { name: 'Base URL' }), server.url);
    await user.type(screen.getByRole('textbox', { name: 'Model' }), 'beta-07b');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('beta-07b is not on this server; did you mean beta-70b?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use beta-70b' }));
    expect(useSettingsStore.getState().model).toBe('beta-70b');
    expect(screen.queryByText(/is not on this server/)).toBeNull();
  });

  it('"Test connection" says precisely why it cannot connect', async () => {
    const user = userEvent.setup();
    server.configure({ apiKey: 'sk-right' });
    render(<SettingsPanel />);
    await user.type(screen.getByRole('textbox', { name: 'Base URL' }), server.url);
    await user.type(screen.getByLabelText('API key'), 'sk-wrong');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/rejected the API key \(401\)/);
    expect(alert.textContent).not.toContain('sk-wrong');
  });

  it('offers a reasoning-effort choice and says when it applies', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.type(screen.getByRole('textbox', { name: 'Model' }), 'o4-mini');
    expect(screen.getByText(/o4-mini is a reasoning model/)).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reasoning effort' }), 'high');
    expect(useSettingsStore.getState().reasoningEffort).toBe('high');
  });
});
