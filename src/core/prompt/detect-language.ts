/**
 * Names the language a problem is written in, when the letters make it clear. Small local models often drift
 * into English even when told to mirror the user; naming the language in the prompt keeps them on track.
 * Returns null when unsure, and the prompt then falls back to "the language of the problem".
 */
export function detectLanguage(problem: string): string | null {
  const text = stripMath(problem);
  const count = (re: RegExp) => text.match(re)?.length ?? 0;

  const letters = count(/\p{L}/gu);
  if (letters === 0) return null;
  const share = (n: number) => n / letters;

  const kana = count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const han = count(/\p{Script=Han}/gu);
  if (kana > 0 && share(kana + han) > 0.3) return 'Japanese';
  if (share(han) > 0.3) return 'Chinese';
  if (share(count(/\p{Script=Hangul}/gu)) > 0.3) return 'Korean';

  const cyrillic = count(/\p{Script=Cyrillic}/gu);
  if (share(cyrillic) > 0.5) return /[іїєґ]/iu.test(text) ? 'Ukrainian' : 'Russian';

  for (const [script, name] of [
    ['Arabic', 'Arabic'],
    ['Hebrew', 'Hebrew'],
    ['Greek', 'Greek'],
    ['Devanagari', 'Hindi'],
    ['Thai', 'Thai'],
  ] as const) {
    if (share(count(new RegExp(`\\p{Script=${script}}`, 'gu'))) > 0.5) return name;
  }

  if (share(count(/\p{Script=Latin}/gu)) < 0.8) return null;
  // Letters only Vietnamese uses among Latin-script languages (horned o/u, d-bar, and tone marks on them).
  if (count(/[ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu) >= 2) return 'Vietnamese';

  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 3) return null;
  const scores = Object.entries(STOPWORDS).map(
    ([name, list]) => [name, words.filter((w) => list.has(w)).length] as const,
  );
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < 2 || (second && second[1] * 2 > best[1])) return null;
  return best[0];
}

/** Formulas are language-neutral and full of Latin letters (x, sin, frac); only the prose says the language. */
function stripMath(text: string): string {
  return text
    .replace(/\$\$[\s\S]*?\$\$|\$[^$]*\$|\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g, ' ')
    .replace(/\\[a-zA-Z]+/g, ' ');
}

const STOPWORDS: Record<string, Set<string>> = {
  English: new Set('the of and is are to in find what how if that for with a an be by solve value'.split(' ')),
  Spanish: new Set('el la los las de y es en que un una por para con del se halla encuentra cuál cuánto'.split(' ')),
  French: new Set('le la les de et est en que un une pour avec du des trouver quelle combien dans'.split(' ')),
  German: new Set('der die das und ist in zu ein eine mit von den für wie berechne finde welche'.split(' ')),
  Portuguese: new Set('o a os as de e é em que um uma para com do da encontre qual quanto'.split(' ')),
  Italian: new Set('il lo la gli le di e è in che un una per con del della trova quale quanto'.split(' ')),
  Indonesian: new Set('dan yang di dari adalah untuk dengan tentukan berapa jika nilai'.split(' ')),
  Turkish: new Set('ve bir bu için ile kaç nedir bulunuz hesaplayınız değeri'.split(' ')),
  Polish: new Set('i w na jest z do że się oblicz znajdź jaka ile'.split(' ')),
};
