/** The result of "Test connection": the server's models, or why they could not be listed. Not saved. */
import { create } from 'zustand';
import { getSettings } from './settings-store.ts';

export type ConnectionTest =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'ok'; models: string[]; baseURL: string }
  | { status: 'failed'; message: string; hint: string };

export const useConnectionStore = create<ConnectionTest>()(() => ({ status: 'idle' }));

let testController: AbortController | null = null;

/** Lists the server's models with the current settings, or says why it cannot. */
export async function testConnection(): Promise<void> {
  testController?.abort();
  const controller = new AbortController();
  testController = controller;
  useConnectionStore.setState({ status: 'testing' }, true);
  const settings = getSettings();
  let outcome: ConnectionTest;
  try {
    const llm = await import('../services/llm/index.ts');
    const result = await llm.listModels(settings, controller.signal);
    outcome = result.ok
      ? { status: 'ok', models: result.value, baseURL: settings.baseURL }
      : { status: 'failed', message: result.error.message, hint: result.error.hint };
  } catch {
    outcome = {
      status: 'failed',
      message: 'The part of Stepwise that talks to model servers could not be loaded.',
      hint: 'Check your internet connection and reload the page.',
    };
  }
  if (testController !== controller) return;
  testController = null;
  useConnectionStore.setState(outcome, true);
}

export function clearConnectionTest(): void {
  testController?.abort();
  testController = null;
  useConnectionStore.setState({ status: 'idle' }, true);
}
