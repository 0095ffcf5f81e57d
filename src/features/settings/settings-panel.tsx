import { useEffect, useId, useRef } from 'react';
import { hostOf, normalizeBaseURL } from '../../core/llm/base-url.ts';
import { matchModel, missingModelMessage } from '../../core/llm/model-match.ts';
import { MODEL_PRESETS, presetForBaseURL } from '../../core/llm/model-presets.ts';
import { isReasoningModel } from '../../core/llm/reasoning-model.ts';
import type { ReasoningEffort } from '../../core/llm/chat-request.ts';
import { clearConnectionTest, testConnection, useConnectionStore } from '../../stores/connection-store.ts';
import { closeSettings } from '../../stores/layout-store.ts';
import { applyPreset, updateSettings, useSettingsStore } from '../../stores/settings-store.ts';
import { scrollIntoClearView } from '../../ui/scroll-into-clear-view.ts';

function ConnectionResult() {
  const test = useConnectionStore((s) => s);
  const current = useSettingsStore((s) => s.model);
  if (test.status === 'idle') return null;
  if (test.status === 'testing') {
    return (
      <p className="connection connection--testing" role="status">
        Testing…
      </p>
    );
  }
  if (test.status === 'failed') {
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__message">{test.message}</p>
        <p className="notice__hint">{test.hint}</p>
      </div>
    );
  }
  const match = matchModel(current, test.models);
  return (
    <div className="notice notice--success" role="status">
      <p className="notice__message">
        Connected to {hostOf(test.baseURL)}: {test.models.length} {test.models.length === 1 ? 'model' : 'models'}.
        {test.models.length > 0 && ' Pick one:'}
      </p>
      {match.status === 'missing' && (
        <p className="notice__hint connection__missing-model">
          <strong>{missingModelMessage(match)}</strong>{' '}
          {match.suggestion !== null && (
            <button type="button" className="link-button" onClick={() => updateSettings({ model: match.suggestion ?? '', solver: 'model' })}>
              Use {match.suggestion}
            </button>
          )}
        </p>
      )}
      {test.models.length > 0 && (
        <ul className="model-list" aria-label="Models on the server">
          {test.models.map((m) => (
            <li key={m}>
              <button
                type="button"
                className={`chip${m === current ? ' chip--selected' : ''}`}
                aria-pressed={m === current}
                onClick={() => updateSettings({ model: m, solver: 'model' })}
              >
                {m}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SettingsPanel() {
  const s = useSettingsStore();
  const ids = {
    base: useId(),
    key: useId(),
    model: useId(),
    effort: useId(),
    keyHint: useId(),
    effortHint: useId(),
    silence: useId(),
    silenceHint: useId(),
    tryFirst: useId(),
  };
  const preset = presetForBaseURL(s.baseURL.trim());
  const base = normalizeBaseURL(s.baseURL);
  const reasoning = isReasoningModel(s.model);
  const usesModel = s.solver === 'model';

  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Opened from a button far down the page (e.g. an error's "Open settings"): bring it into view, its heading
    // below the sticky top bar (the panel is often taller than the window).
    const cancelScroll = panelRef.current ? scrollIntoClearView(panelRef.current) : undefined;
    panelRef.current?.focus({ preventScroll: true });
    // A test result describes the settings it was made with; after a change it would mislead.
    return () => {
      cancelScroll?.();
      clearConnectionTest();
    };
  }, []);

  const set = (patch: Parameters<typeof updateSettings>[0]) => {
    if ('baseURL' in patch || 'apiKey' in patch) clearConnectionTest();
    updateSettings(patch);
  };

  return (
    <section
      className="settings card"
      aria-label="Settings"
      ref={panelRef}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') closeSettings();
      }}
    >
      <div className="settings__header">
        <h2>Settings</h2>
        <button type="button" className="button button--small" onClick={closeSettings}>
          Done
        </button>
      </div>
      {s.notice && (
        <p className="notice notice--warning notice--compact" role="status">
          {s.notice}
        </p>
      )}

      <fieldset className="settings__solver">
        <legend className="field-label">Solve with</legend>
        <label className="radio">
          <input type="radio" name="solver" checked={usesModel} onChange={() => set({ solver: 'model' })} />
          <span>
            <strong>A model server</strong>
            <span className="radio__hint">OpenAI, OpenRouter or any OpenAI-compatible server, including one on this computer.</span>
          </span>
        </label>
        <label className="radio">
          <input type="radio" name="solver" checked={!usesModel} onChange={() => set({ solver: 'builtin' })} />
          <span>
            <strong>Built-in solver</strong>
            <span className="radio__hint">Works offline, no account; common algebra and calculus only.</span>
          </span>
        </label>
      </fieldset>

      <fieldset className={`settings__server${usesModel ? '' : ' settings__server--inactive'}`}>
        <legend className="field-label">Model server</legend>
        <div className="presets" role="group" aria-label="Presets">
          {MODEL_PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              className={`chip${preset?.id === p.id ? ' chip--selected' : ''}`}
              aria-pressed={preset?.id === p.id}
              onClick={() => {
                clearConnectionTest();
                applyPreset(p.id);
              }}
            >
              {p.label}
            </button>
          ))}
        </div>

        <label className="field-label" htmlFor={ids.base}>
          Base URL
        </label>
        <input
          id={ids.base}
          className="input"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          placeholder="https://api.openai.com/v1"
          value={s.baseURL}
          onChange={(e) => set({ baseURL: e.target.value, solver: 'model' })}
          aria-invalid={s.baseURL.trim() !== '' && !base.ok}
        />
        {s.baseURL.trim() !== '' && !base.ok && (
          <p className="field-error">Enter an address starting with http:// or https://, without a user name or password.</p>
        )}

        <label className="field-label" htmlFor={ids.key}>
          API key
        </label>
        <input
          id={ids.key}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={preset && !preset.needsKey ? 'not needed' : 'sk-…'}
          value={s.apiKey}
          onChange={(e) => set({ apiKey: e.target.value })}
          aria-describedby={ids.keyHint}
        />
        <p id={ids.keyHint} className="field-hint">
          {preset ? `${preset.keyHint} ` : ''}
          The key stays in this browser and is sent only to {base.ok ? hostOf(base.value) : 'the base URL'}
          {s.remember ? '; it is remembered on this device.' : '; it is forgotten when you close this tab.'}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={s.remember} onChange={(e) => set({ remember: e.target.checked })} />
          Remember on this device
        </label>

        <label className="field-label" htmlFor={ids.model}>
          Model
        </label>
        <input
          id={ids.model}
          className="input"
          type="text"
          spellCheck={false}
          autoCapitalize="off"
          placeholder={preset?.exampleModel ?? 'model id'}
          value={s.model}
          onChange={(e) => set({ model: e.target.value, solver: 'model' })}
        />

        <label className="field-label" htmlFor={ids.effort}>
          Reasoning effort
        </label>
        <select
          id={ids.effort}
          className="input select"
          value={s.reasoningEffort}
          onChange={(e) => set({ reasoningEffort: e.target.value as ReasoningEffort })}
          aria-describedby={ids.effortHint}
        >
          <option value="low">Low — faster</option>
          <option value="medium">Medium</option>
          <option value="high">High — most careful</option>
        </select>
        <p id={ids.effortHint} className="field-hint">
          {reasoning
            ? `${s.model.trim()} is a reasoning model: it thinks before answering, longer with more effort.`
            : 'Used by reasoning models (o1, o3, o4-mini, the gpt-5 family); other models ignore it.'}
        </p>

        <details className="settings__advanced">
          <summary>Advanced</summary>
          <label className="field-label" htmlFor={ids.silence}>
            Silence timeout (seconds)
          </label>
          <input
            id={ids.silence}
            className="input input--short"
            type="number"
            min={0}
            max={3600}
            step={1}
            inputMode="numeric"
            placeholder="automatic"
            value={s.silenceTimeoutSeconds === 0 ? '' : String(s.silenceTimeoutSeconds)}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              set({ silenceTimeoutSeconds: Number.isFinite(n) ? Math.min(3600, Math.max(0, n)) : 0 });
            }}
            aria-describedby={ids.silenceHint}
          />
          <p id={ids.silenceHint} className="field-hint">
            How long a server may send nothing before the request is given up. Empty: 60 s, or 5 min for reasoning
            models. Raise it for a local server that is slow to load its model.
          </p>
        </details>

        <div className="settings__test">
          <button type="button" className="button" onClick={() => void testConnection()}>
            Test connection
          </button>
        </div>
        <ConnectionResult />
      </fieldset>

      <fieldset className="settings__tutor">
        <legend className="field-label">Tutor</legend>
        <label className="checkbox">
          <input type="checkbox" checked={s.tryFirst} onChange={(e) => set({ tryFirst: e.target.checked })} aria-describedby={ids.tryFirst} />
          Try each step first
        </label>
        <p id={ids.tryFirst} className="field-hint">
          "Next step" first asks whether you want to try the step or get a hint; "Show me anyway" is always one press
          away. A teacher's shared link or set may choose for you.
        </p>
      </fieldset>
    </section>
  );
}
