/**
 * A teacher's handout options as kept per set. Stored data is untrusted on load: each field is checked on
 * its own, so one damaged value falls back to its default without losing the rest, and the caller can say which.
 */
import { defaultHandoutOptions, FONT_SIZES, type HandoutOptions } from './handout.ts';

export type Paper = 'a4' | 'letter';

export interface HandoutSettings {
  options: HandoutOptions;
  paper: Paper;
}

export const defaultHandoutSettings = (): HandoutSettings => ({ options: defaultHandoutOptions(), paper: 'a4' });

export const HANDOUT_MODES = ['problems', 'worked', 'faded', 'key'] as const;
export const ANSWER_KEY_PLACEMENTS = ['none', 'separate', 'after'] as const;
export const MAX_FADED_STEPS = 20;
export const MAX_WORK_LINES = 40;
const MAX_TEXT = 2000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T>(list: readonly T[], v: unknown): v is T => list.includes(v as T);
const wholeIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Reads stored settings; `repaired` names the fields that were missing or invalid and got their default. */
export function readStoredHandoutSettings(raw: unknown): HandoutSettings & { repaired: string[] } {
  const d = defaultHandoutSettings();
  if (raw === null || raw === undefined) return { ...d, repaired: [] };
  if (!isRecord(raw) || !isRecord(raw.options)) return { ...d, repaired: ['all'] };
  const o = raw.options;
  const repaired: string[] = [];
  const pick = <K extends keyof HandoutOptions>(key: K, valid: (v: unknown) => boolean): HandoutOptions[K] => {
    if (valid(o[key])) return o[key] as HandoutOptions[K];
    repaired.push(key);
    return d.options[key];
  };
  const text = (v: unknown) => typeof v === 'string' && v.length <= MAX_TEXT;
  const bool = (v: unknown) => typeof v === 'boolean';
  const options: HandoutOptions = {
    title: pick('title', text),
    instructions: pick('instructions', text),
    nameDateLine: pick('nameDateLine', bool),
    numbering: pick('numbering', bool),
    mode: pick('mode', (v) => oneOf(HANDOUT_MODES, v)),
    fadedSteps: pick('fadedSteps', (v) => wholeIn(v, 0, MAX_FADED_STEPS)),
    answerKey: pick('answerKey', (v) => oneOf(ANSWER_KEY_PLACEMENTS, v)),
    columns: pick('columns', (v) => v === 1 || v === 2),
    fontSize: pick('fontSize', (v) => oneOf(FONT_SIZES, v)),
    workLines: pick('workLines', (v) => wholeIn(v, 1, MAX_WORK_LINES)),
  };
  let paper = d.paper;
  if (raw.paper === 'a4' || raw.paper === 'letter') paper = raw.paper;
  else repaired.push('paper');
  return { options, paper, repaired };
}
