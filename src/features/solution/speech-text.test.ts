import { describe, expect, it } from 'vitest';
import { markdownToSpeech, texToSpeech } from './speech-text.ts';

describe('texToSpeech', () => {
  it('reads operators, powers, fractions and roots as words', () => {
    expect(texToSpeech('x^2 - 5x + 6 = 0')).toBe('x squared minus 5x plus 6 equals 0');
    expect(texToSpeech('\\frac{x + 1}{2} \\le 3')).toBe('(x plus 1) over 2 is less than or equal to 3');
    expect(texToSpeech('\\sqrt{16} = 4')).toBe('the square root of 16 equals 4');
    expect(texToSpeech('\\sqrt[3]{27}')).toBe('root 3 of 27');
    expect(texToSpeech('2^{n+1}')).toBe('2 to the power (n plus 1)');
    expect(texToSpeech('6 \\cdot (-10)')).toBe('6 times (minus 10)');
  });

  it('drops delimiters sizing and spacing, keeps text and unknown commands', () => {
    expect(texToSpeech('\\left( \\dfrac{1}{31} \\right) \\div \\dfrac{1}{93}')).toBe('(1 over 31) divided by 1 over 93');
    expect(texToSpeech('x = 4 \\quad \\text{(check)}')).toBe('x equals 4 (check)');
    expect(texToSpeech('\\boxed{3}')).toBe('3');
    expect(texToSpeech('\\sin x')).toBe('sin x');
    expect(texToSpeech('\\pi r^2')).toBe('pi r squared');
    expect(texToSpeech('x = 3, x = 2')).toBe('x equals 3, x equals 2');
  });
});

describe('markdownToSpeech', () => {
  it('replaces each formula with its words and drops Markdown marks', () => {
    const body = 'Subtract $3$ from **both** sides:\n\n$$2x = 8$$\n\n- so $x = 4$.';
    expect(markdownToSpeech(body)).toBe('Subtract 3 from both sides: 2x equals 8. so x equals 4.');
  });

  it('keeps an escaped dollar as a dollar sign', () => {
    expect(markdownToSpeech('A shirt costs \\$20 and a hat \\$15.')).toBe('A shirt costs $20 and a hat $15.');
  });

  it('reads \\( \\) and \\[ \\] formulas too', () => {
    expect(markdownToSpeech('Then \\(y = 2\\) and \\[z = 3\\]')).toBe('Then y equals 2 and z equals 3');
  });
});
