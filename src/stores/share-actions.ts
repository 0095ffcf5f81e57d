/**
 * Share links as actions: the solution on screen → a link, and a link → the solution on screen (in history).
 * The encoder (services/share) loads on first use. Failures come back as the share format's own errors.
 */
import type { Result } from '../core/llm/result.ts';
import type { SharedSolution, ShareError } from '../core/share/share-payload.ts';
import type { RevealPolicy } from '../core/tutor/progress.ts';
import { getEntry } from './history-store.ts';
import { showSolution, useRunStore } from './run-store.ts';

const loadShare = () => import('../services/share/share-link.ts');

const unavailable = (message: string, hint: string): { ok: false; error: ShareError } => ({ ok: false, error: { kind: 'corrupt', message, hint } });

/** A link to the solution on screen, on the page at `pageUrl`; `policy` is the teacher's (null: the reader's own setting). */
export async function shareCurrentSolution(pageUrl: string, policy: RevealPolicy | null = null): Promise<Result<string, ShareError>> {
  const run = useRunStore.getState();
  const shared: SharedSolution = {
    problem: run.problem,
    solution: run.solution,
    answer: (run.entryId !== null ? getEntry(run.entryId)?.answer : undefined) ?? '',
    model: run.source === 'builtin' ? 'Built-in solver' : run.model,
  };
  if (policy !== null) shared.policy = policy;
  try {
    return await (await loadShare()).makeShareLink(shared, pageUrl);
  } catch {
    return unavailable('The link could not be made in this browser.', 'Save the solution to a set and export the set file instead.');
  }
}

/** Decodes a shared link's payload into the solution it carries, or why it can't be read. */
export async function readSharedSolution(payload: string): Promise<Result<SharedSolution, ShareError>> {
  try {
    return await (await loadShare()).readShareLink(payload);
  } catch {
    return unavailable('This browser could not open the share link.', 'Open it in an up-to-date Chrome, Edge, Firefox or Safari.');
  }
}

/** Shows a shared solution in the tutor's view, kept in history, under the reveal policy the link carries. */
export function showSharedSolution({ problem, solution, answer, model, policy }: SharedSolution): Promise<void> {
  return showSolution({ problem, solution, source: 'paste', model, answer, policy });
}
