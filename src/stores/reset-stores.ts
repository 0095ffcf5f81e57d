/** Test support: every store back to a fresh start, history in memory. Not used by the app. */
import type { Settings } from '../core/settings/settings.ts';
import { createHistoryStorage, memoryBackend, type HistoryBackend } from '../services/storage/index.ts';
import { clearConnectionTest } from './connection-store.ts';
import { resetDraftForTest } from './draft-store.ts';
import { resetHistoryForTest, useHistoryStore } from './history-store.ts';
import { useLayoutStore } from './layout-store.ts';
import { resetRunForTest } from './run-store.ts';
import { resetSettingsForTest } from './settings-store.ts';

export function resetStoresForTest(settings: Partial<Settings> = {}, saved: unknown[] = []): HistoryBackend {
  resetRunForTest();
  resetDraftForTest();
  clearConnectionTest();
  resetSettingsForTest(settings);
  useLayoutStore.setState({ settingsOpen: false, tab: 'ask' });
  const backend = memoryBackend(saved);
  resetHistoryForTest(createHistoryStorage(backend));
  useHistoryStore.setState({ status: 'ready' });
  return backend;
}
