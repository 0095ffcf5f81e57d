import { useEffect, type KeyboardEvent } from 'react';
import { AskForm } from '../features/ask/ask-form.tsx';
import { HistoryList } from '../features/history/history-list.tsx';
import { PasteForm } from '../features/paste/paste-form.tsx';
import { SettingsPanel } from '../features/settings/settings-panel.tsx';
import { SolutionView } from '../features/solution/solution-view.tsx';
import { flushHistory, initHistory } from '../stores/history-store.ts';
import { showTab, toggleSettings, useLayoutStore, type ComposeTab } from '../stores/layout-store.ts';
import { preloadRichText } from '../ui/rich-text.tsx';

const TABS: { id: ComposeTab; label: string }[] = [
  { id: 'ask', label: 'Ask' },
  { id: 'paste', label: 'Paste an answer' },
];

function Compose() {
  const tab = useLayoutStore((s) => s.tab);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    e.stopPropagation();
    const next = TABS[(TABS.findIndex((t) => t.id === tab) + 1) % TABS.length];
    if (next) {
      showTab(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  };
  return (
    <section className="compose card">
      <div className="tabs" role="tablist" aria-label="Input" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => showTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="compose__panel">
        {tab === 'ask' ? <AskForm /> : <PasteForm />}
      </div>
    </section>
  );
}

export function App() {
  const settingsOpen = useLayoutStore((s) => s.settingsOpen);

  useEffect(() => {
    void initHistory();
    // The math renderer is needed as soon as something is typed or opened; fetch it once the page is idle.
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => preloadRichText());
    // Closing or hiding the tab saves a streaming answer right away instead of at the next coalesced write.
    const save = () => void flushHistory();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar__brand">
          <span className="logo" aria-hidden="true">∑</span>
          <span className="topbar__name">Stepwise</span>
          <span className="topbar__tagline">show your work, one step at a time</span>
        </div>
        <div className="topbar__actions">
          <a className="button button--ghost topbar__history-link" href="#history">
            History
          </a>
          <button
            type="button"
            className={`button button--ghost${settingsOpen ? ' button--active' : ''}`}
            aria-expanded={settingsOpen}
            aria-controls="settings-panel"
            onClick={toggleSettings}
          >
            <span aria-hidden="true" className="gear">
              ⚙
            </span>{' '}
            Settings
          </button>
        </div>
      </header>
      <div className="layout">
        <main className="main">
          <h1 className="visually-hidden">Stepwise</h1>
          {settingsOpen && (
            <div id="settings-panel">
              <SettingsPanel />
            </div>
          )}
          <Compose />
          <SolutionView />
        </main>
        <aside className="sidebar" id="history">
          <HistoryList />
        </aside>
      </div>
    </div>
  );
}
