import { describe, expect, it } from 'vitest';
import { deltaText, toolCallName } from './delta-text.ts';

describe('deltaText', () => {
  it('content-parts-array: text parts are content, thinking parts (lists or strings) reasoning', () => {
    expect(
      deltaText({
        content: [
          { type: 'thinking', thinking: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] },
          { type: 'thinking', thinking: 'c' },
          { type: 'text', text: 'Step' },
          { type: 'image_url', image_url: { url: 'https://example.com/x.png' } },
          { type: 'reference', reference_ids: [1] },
        ],
      }),
    ).toEqual({ content: 'Step', reasoning: 'abc' });
  });

  it('never stringifies an object it does not know', () => {
    expect(deltaText({ content: { type: 'text', text: 'x' } })).toEqual({ content: '', reasoning: '' });
    expect(deltaText({ content: [null, 3, { type: 'text', text: 7 }] })).toEqual({ content: '', reasoning: '' });
  });

  it('reasoning-details: text and summary parts, not encrypted ones; the plain field wins when both are sent', () => {
    const details = [
      { type: 'reasoning.text', text: 'one ' },
      { type: 'reasoning.encrypted', data: 'c2VjcmV0' },
      { type: 'reasoning.summary', summary: 'two' },
    ];
    expect(deltaText({ reasoning_details: details }).reasoning).toBe('one two');
    expect(deltaText({ reasoning: 'one ', reasoning_details: details.slice(0, 1) }).reasoning).toBe('one ');
    expect(deltaText({ reasoning_content: 'r', reasoning: 'r' }).reasoning).toBe('r');
  });

  it('refusal-delta: a refusal is content', () => {
    expect(deltaText({ content: null, refusal: "I can't help with that." })).toEqual({ content: "I can't help with that.", reasoning: '' });
  });
});

describe('toolCallName', () => {
  it('tool-calls-finish: names the first tool called, in tool_calls or the older function_call', () => {
    expect(toolCallName({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'search', arguments: '' } }] })).toBe('search');
    expect(toolCallName({ tool_calls: [{ index: 0, function: { arguments: '{"q"' } }] })).toBe('');
    expect(toolCallName({ function_call: { name: 'calc', arguments: '' } })).toBe('calc');
    expect(toolCallName({ content: 'x', tool_calls: [] })).toBeNull();
  });
});
