import OpenAI from 'openai';

/**
 * The one place the SDK client is made. Retries are off because the app reports each failure and lets the user
 * decide (and a retry would double-send a long answer); logging is off so the key can never reach a log.
 */
export function createOpenAIClient(opts: {
  baseURL: string;
  apiKey: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}): OpenAI {
  return new OpenAI({
    baseURL: opts.baseURL,
    // Local servers need no key, but the SDK insists on one.
    apiKey: opts.apiKey || 'not-needed',
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    timeout: opts.timeoutMs,
    fetch: opts.fetch,
    logLevel: 'off',
    organization: null,
    project: null,
    webhookSecret: null,
  });
}
