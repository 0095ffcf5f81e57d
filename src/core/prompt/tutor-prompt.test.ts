import { describe, expect, it } from 'vitest';
import { ANSWER_FORMAT_EXAMPLE, ANSWER_FORMAT_INSTRUCTIONS } from '../solution/answer-format.ts';
import { buildTutorMessages, FORMATTING_REENABLED } from './tutor-prompt.ts';

const instructionsFor = (problem: string, reasoningModel = false) => {
  const [first] = buildTutorMessages(problem, { reasoningModel });
  return first?.content ?? '';
};

describe('buildTutorMessages', () => {
  it('sends instructions as system and the problem, unchanged, as the user message', () => {
    const problem = '  Solve $x^2 = 4$.\n\n(Show both roots.)  ';
    const messages = buildTutorMessages(problem, { reasoningModel: false });
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1]).toEqual({ role: 'user', content: problem });
  });

  it('uses the developer role for reasoning models, with Markdown re-enabled on the first line', () => {
    const messages = buildTutorMessages('Solve 2x = 4', { reasoningModel: true });
    expect(messages.map((m) => m.role)).toEqual(['developer', 'user']);
    expect(messages[0]?.content.split('\n')[0]).toBe(FORMATTING_REENABLED);
    expect(instructionsFor('Solve 2x = 4', false)).not.toContain(FORMATTING_REENABLED);
  });

  it("asks for the app's answer format, with its example", () => {
    const text = instructionsFor('Solve 2x + 3 = 11');
    expect(text).toContain(ANSWER_FORMAT_INSTRUCTIONS);
    expect(text).toContain(ANSWER_FORMAT_EXAMPLE);
    expect(text).toContain('## Step N: <short title>');
    expect(text).toContain('## Answer');
  });

  it('speaks as a TA who shows every equation and titles each step', () => {
    const text = instructionsFor('Solve 2x + 3 = 11');
    expect(text).toMatch(/teaching assistant/i);
    expect(text).toContain('Show your work and all equations used, explaining the answer step by step.');
    expect(text).toMatch(/show every equation/i);
    expect(text).toMatch(/every step a short title/i);
  });

  it('tells the model to answer in the language of the problem, naming it when clear', () => {
    expect(instructionsFor('Решите уравнение \\(2x + 3 = 11\\).')).toContain(
      'The problem is written in Russian, so write all explanations and step titles in Russian.',
    );
    expect(instructionsFor('求 $x$ 的值：$2x+3=11$。')).toContain('written in Chinese');
    expect(instructionsFor('2x + 3 = 11')).toContain('in the same language as the problem');
  });

  it('keeps the heading keywords in English whatever the language, so the parser finds the steps', () => {
    const text = instructionsFor('Решите уравнение 2x + 3 = 11.');
    expect(text).toMatch(/Keep the words "Step" and "Answer" in the headings exactly/);
  });

  it('is deterministic', () => {
    expect(buildTutorMessages('Find 2+2', { reasoningModel: false })).toEqual(
      buildTutorMessages('Find 2+2', { reasoningModel: false }),
    );
  });
});
