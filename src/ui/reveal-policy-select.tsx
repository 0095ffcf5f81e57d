/**
 * The teacher's "Reveal policy" control (a share link's, a set's): how freely a student may show the steps.
 * "Student's choice" (no policy) leaves it to the student's own "Try each step first" setting.
 */
import { useId } from 'react';
import { REVEAL_POLICIES, type RevealPolicy } from '../core/tutor/progress.ts';
import './reveal-policy-select.css';

export const POLICY_LABELS: Readonly<Record<RevealPolicy, string>> = {
  free: 'Free reveal',
  'try-first': 'Try each step first',
  'hints-only': 'Hints only, answer at the end',
};

export const STUDENT_CHOICE = "Student's choice";

/** The policy in words, for a one-line note: "Reveal policy: Hints only, answer at the end". */
export const policyLabel = (policy: RevealPolicy | null | undefined): string => (policy ? POLICY_LABELS[policy] : STUDENT_CHOICE);

interface RevealPolicySelectProps {
  value: RevealPolicy | null;
  onChange: (policy: RevealPolicy | null) => void;
  disabled?: boolean;
  /** A short line under the control saying what the choice applies to. */
  hint?: string;
}

export function RevealPolicySelect({ value, onChange, disabled = false, hint }: RevealPolicySelectProps) {
  const id = useId();
  return (
    <div className="policy-select">
      <label className="field-label policy-select__label" htmlFor={id}>
        Reveal policy
      </label>
      <select
        id={id}
        className="input select policy-select__input"
        value={value ?? ''}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const picked = REVEAL_POLICIES.find((p) => p === e.target.value);
          onChange(picked ?? null);
        }}
      >
        <option value="">{STUDENT_CHOICE}</option>
        {REVEAL_POLICIES.map((p) => (
          <option key={p} value={p}>
            {POLICY_LABELS[p]}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="field-hint policy-select__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
