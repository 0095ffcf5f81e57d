import { checkSettings } from '../../core/llm/check-settings.ts';
import type { LlmError } from '../../core/llm/llm-error.ts';
import type { Result } from '../../core/llm/result.ts';
import { failureFromError } from './failure-from-error.ts';
import { createDeadline } from './deadline.ts';
import { createGuardedFetch } from './guarded-fetch.ts';
import { createOpenAIClient } from './openai-client.ts';
import { failureReporter, type ModelSettings } from './settings.ts';

/** "Test connection" should answer quickly; a server that cannot list models in this time is not usable. */
export const LIST_MODELS_TIMEOUT_MS = 20_000;

/** The ids of the models the server offers, sorted, or precisely why they could not be listed. */
export async function listModels(settings: ModelSettings, signal?: AbortSignal): Promise<Result<string[], LlmError>> {
  const fail = failureReporter(settings, 'list-models');

  const checked = checkSettings(settings, { model: false });
  if (!checked.ok) return fail(checked.error);
  if (signal?.aborted) return fail({ type: 'aborted' });
  const { baseURL, apiKey } = checked.value;

  const deadline = createDeadline(LIST_MODELS_TIMEOUT_MS, signal);

  const client = createOpenAIClient({
    baseURL,
    apiKey,
    fetch: createGuardedFetch({ baseURL, onActivity: () => undefined }),
    timeoutMs: LIST_MODELS_TIMEOUT_MS * 2,
  });
  try {
    // Read the raw reply: the SDK turns a non-JSON page (a web UI at the wrong URL) into an empty list.
    const response = await client.models.list({ signal: deadline.signal }).asResponse();
    const ids = modelIds(await response.text());
    if (deadline.stopped()) throw new Error('stopped');
    if (!ids) return fail({ type: 'unexpected-response' });
    return { ok: true, value: ids };
  } catch (error) {
    if (deadline.stopped() === 'stalled') return fail({ type: 'stalled', afterMs: LIST_MODELS_TIMEOUT_MS });
    if (deadline.stopped() === 'user') return fail({ type: 'aborted' });
    return fail(failureFromError(error, 'request'));
  } finally {
    deadline.dispose();
  }
}

/** Model ids from an OpenAI list reply (`{"object":"list","data":[{"id":…}]}`), or null if it is not one. */
function modelIds(body: string): string[] | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return null;
  const ids = data.map((m: unknown) => (m as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)].sort((a, b) => a.localeCompare(b));
}
