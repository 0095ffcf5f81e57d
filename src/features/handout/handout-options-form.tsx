/** The handout's options, bound to the set's saved HandoutOptions and paper size. */
import { useEffect, useState, type ReactNode } from 'react';
import { FONT_SIZES, type AnswerKeyPlacement, type HandoutMode, type HandoutOptions } from '../../core/handout/handout.ts';
import { MAX_FADED_STEPS, MAX_WORK_LINES, type Paper } from '../../core/handout/stored-options.ts';

interface Choice<T> {
  value: T;
  label: string;
}

const MODES: Choice<HandoutMode>[] = [
  { value: 'problems', label: 'Problems with work space' },
  { value: 'worked', label: 'Worked solutions' },
  { value: 'faded', label: 'Faded examples' },
  { value: 'key', label: 'Answer key only' },
];

const KEYS: Choice<AnswerKeyPlacement>[] = [
  { value: 'none', label: 'None' },
  { value: 'separate', label: 'On its own page' },
  { value: 'after', label: 'Right after the problems' },
];

const COLUMNS: Choice<1 | 2>[] = [
  { value: 1, label: '1' },
  { value: 2, label: '2' },
];
const SIZES: Choice<number>[] = FONT_SIZES.map((s) => ({ value: s, label: `${s} pt` }));
const PAPERS: Choice<Paper>[] = [
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'Letter' },
];

export interface OptionsFormProps {
  options: HandoutOptions;
  paper: Paper;
  onChange(change: Partial<HandoutOptions>, paper?: Paper): void;
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="handout-options__field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A drop-down of fixed choices; values of any type, matched through their text. */
function SelectField<T extends string | number>({ id, label, value, choices, onChange }: { id: string; label: string; value: T; choices: readonly Choice<T>[]; onChange(v: T): void }) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        className="input"
        value={String(value)}
        onChange={(e) => {
          const chosen = choices.find((c) => String(c.value) === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {choices.map((c) => (
          <option key={String(c.value)} value={String(c.value)}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * A whole-number field that keeps what is typed (an emptied field while retyping) and passes on only valid
 * values, clamped to its bounds.
 */
function WholeField({ id, label, value, min, max, onChange }: { id: string; label: string; value: number; min: number; max: number; onChange(n: number): void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value))), [value]);
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        className="input"
        type="number"
        min={min}
        max={max}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n)) onChange(Math.min(max, Math.max(min, Math.round(n))));
        }}
        onBlur={() => setText(String(value))}
      />
    </Field>
  );
}

export function HandoutOptionsForm({ options, paper, onChange }: OptionsFormProps) {
  return (
    <fieldset className="handout-options">
      <legend className="field-label">Options</legend>
      <Field id="handout-title" label="Title">
        <input id="handout-title" className="input" value={options.title} onChange={(e) => onChange({ title: e.target.value })} />
      </Field>
      <Field id="handout-instructions" label="Instructions">
        <textarea id="handout-instructions" className="input" rows={2} value={options.instructions} onChange={(e) => onChange({ instructions: e.target.value })} />
      </Field>
      <div className="handout-options__checks">
        <label>
          <input type="checkbox" checked={options.nameDateLine} onChange={(e) => onChange({ nameDateLine: e.target.checked })} /> Name and date line
        </label>
        <label>
          <input type="checkbox" checked={options.numbering} onChange={(e) => onChange({ numbering: e.target.checked })} /> Number the problems
        </label>
      </div>
      <div className="handout-options__grid">
        <SelectField id="handout-mode" label="Mode" value={options.mode} choices={MODES} onChange={(v) => onChange({ mode: v })} />
        {options.mode === 'faded' && (
          <WholeField id="handout-faded" label="Steps shown" value={options.fadedSteps} min={0} max={MAX_FADED_STEPS} onChange={(n) => onChange({ fadedSteps: n })} />
        )}
        {options.mode === 'problems' && (
          <WholeField id="handout-lines" label="Work lines" value={options.workLines} min={1} max={MAX_WORK_LINES} onChange={(n) => onChange({ workLines: n })} />
        )}
        {options.mode !== 'key' && <SelectField id="handout-key" label="Answer key" value={options.answerKey} choices={KEYS} onChange={(v) => onChange({ answerKey: v })} />}
        <SelectField id="handout-columns" label="Columns" value={options.columns} choices={COLUMNS} onChange={(v) => onChange({ columns: v })} />
        <SelectField id="handout-font" label="Font size" value={options.fontSize} choices={SIZES} onChange={(v) => onChange({ fontSize: v })} />
        <SelectField id="handout-paper" label="Paper" value={paper} choices={PAPERS} onChange={(v) => onChange({}, v)} />
      </div>
    </fieldset>
  );
}
