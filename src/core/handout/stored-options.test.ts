import { describe, expect, it } from 'vitest';
import { defaultHandoutSettings, readStoredHandoutSettings } from './stored-options.ts';

describe('readStoredHandoutSettings', () => {
  it('nothing stored: defaults, nothing to report', () => {
    expect(readStoredHandoutSettings(null)).toEqual({ ...defaultHandoutSettings(), repaired: [] });
  });

  it('keeps valid settings as they are', () => {
    const stored = { options: { ...defaultHandoutSettings().options, mode: 'faded', fadedSteps: 2, columns: 2, fontSize: 14, title: 'Quiz' }, paper: 'letter' };
    expect(readStoredHandoutSettings(JSON.parse(JSON.stringify(stored)))).toEqual({ ...stored, repaired: [] });
  });

  it('repairs only the damaged fields and names them', () => {
    const stored = { options: { ...defaultHandoutSettings().options, title: 'Keep me', mode: 'poster', fontSize: 13, workLines: -3, columns: '2' }, paper: 'tabloid' };
    const read = readStoredHandoutSettings(stored);
    expect(read.options.title).toBe('Keep me');
    expect(read.options.mode).toBe('problems');
    expect(read.options.fontSize).toBe(11);
    expect(read.options.workLines).toBe(8);
    expect(read.options.columns).toBe(1);
    expect(read.paper).toBe('a4');
    expect(read.repaired).toEqual(['mode', 'columns', 'fontSize', 'workLines', 'paper']);
  });

  it('something that is not settings at all: defaults, reported', () => {
    expect(readStoredHandoutSettings('garbage').repaired).toEqual(['all']);
    expect(readStoredHandoutSettings([1, 2]).options).toEqual(defaultHandoutSettings().options);
  });
});
