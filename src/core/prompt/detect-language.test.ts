import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.ts';

describe('detectLanguage', () => {
  it.each([
    ['Find the value of \\(x\\) if \\(2x + 3 = 11\\).', 'English'],
    ['Решите уравнение \\(x^2 - 5x + 6 = 0\\).', 'Russian'],
    ['Розв\'яжіть рівняння x^2 - 4 = 0 і знайдіть його корені.', 'Ukrainian'],
    ['求函数 $f(x)=x^2-4x+3$ 的最小值。', 'Chinese'],
    ['関数 $f(x)=x^2$ の最小値を求めなさい。', 'Japanese'],
    ['Tìm giá trị nhỏ nhất của hàm số $y = x^2 - 4x + 5$.', 'Vietnamese'],
    ['Encuentra el valor de x en la ecuación 2x + 3 = 11 para que se cumpla.', 'Spanish'],
    ['Trouver la valeur de x dans l\'équation 2x + 3 = 11 pour que le résultat soit juste.', 'French'],
    ['Berechne die Fläche eines Kreises mit dem Radius 3 und gib das Ergebnis an.', 'German'],
  ])('%s → %s', (problem, language) => {
    expect(detectLanguage(problem)).toBe(language);
  });

  it('ignores the Latin letters inside formulas', () => {
    expect(detectLanguage('Вычислите \\(\\int_0^1 \\sin x \\, dx\\) и \\(\\lim_{x\\to 0} \\frac{\\sin x}{x}\\).')).toBe('Russian');
  });

  it('says nothing when unsure', () => {
    expect(detectLanguage('2x + 3 = 11')).toBeNull();
    expect(detectLanguage('$\\int_0^1 x^2 dx$')).toBeNull();
    expect(detectLanguage('x y z')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});
