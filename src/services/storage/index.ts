/** The one module that touches browser storage: settings, drafts (web storage) and history (IndexedDB). */
export { loadSettings, saveSettings, type LoadedSettings } from './settings-storage.ts';
export { loadDraft, saveDraft, emptyDraft, type Draft, type DraftTab } from './draft-storage.ts';
export { openHistoryStorage, createHistoryStorage, type HistoryStorage, type LoadedHistory } from './history-storage.ts';
export { memoryBackend, openIndexedDbBackend, type HistoryBackend } from './history-backend.ts';
export { openLibraryStorage, createLibraryStorage, type LibraryStorage, type LoadedLibrary } from './library-storage.ts';
export { memoryLibrary, openIndexedDbLibrary, type LibraryBackend } from './library-backend.ts';
