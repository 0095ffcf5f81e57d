/**
 * Is the model typed in Settings one the server lists? A typo ("fake-mdoel") otherwise surfaces only later, as a
 * failed request; after "Test connection" we can say so at once and name the closest listed model.
 */
export type ModelMatch =
  | { status: 'listed' }
  | { status: 'none-typed' }
  | { status: 'missing'; typed: string; suggestion: string | null };

export function matchModel(typed: string, listed: readonly string[]): ModelMatch {
  const model = typed.trim();
  if (model === '') return { status: 'none-typed' };
  // Servers that list nothing (some proxies) cannot tell us anything: no warning.
  if (listed.length === 0 || listed.includes(model)) return { status: 'listed' };
  return { status: 'missing', typed: model, suggestion: closestModel(model, listed) };
}

/** The warning sentence for a model the server does not list. */
export function missingModelMessage(match: Extract<ModelMatch, { status: 'missing' }>): string {
  return match.suggestion === null
    ? `${match.typed} is not on this server; pick one of its models below.`
    : `${match.typed} is not on this server; did you mean ${match.suggestion}?`;
}

function closestModel(model: string, listed: readonly string[]): string | null {
  const lower = model.toLowerCase();
  // Same name in another case, or a listed name that only adds a tag or date ("llama3" → "llama3:latest").
  const sameCase = listed.find((m) => m.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of listed) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tagged = listed.filter((m) => m.toLowerCase().startsWith(`${lower}:`) || m.toLowerCase().startsWith(`${lower}-`));
  if (tagged.length === 1 && bestDistance > 2) return tagged[0] ?? null;
  // Only a near miss is a suggestion: a third of the name may differ at most.
  return bestDistance <= Math.max(1, Math.floor(model.length / 3)) ? best : null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
