import { extractServerError } from '../../core/llm/error-body.ts';

/** Thrown instead of following a redirect, so the Authorization header never reaches another address. */
export class RedirectRefusedError extends Error {
  constructor(readonly status: number) {
    super(`Refused to follow a redirect (${status})`);
    this.name = 'RedirectRefusedError';
  }
}

/** Thrown when the SDK asks for a URL outside the base URL; it never should, and the key must not go there. */
export class OutsideBaseUrlError extends Error {
  constructor() {
    super('Refused a request outside the configured base URL');
    this.name = 'OutsideBaseUrlError';
  }
}

/**
 * The fetch the SDK uses. It
 * - sends requests only under `baseURL` and never follows redirects (the key stays with the chosen server);
 * - drops the SDK's `x-stainless-*` telemetry headers, which strict CORS setups refuse in preflight;
 * - reports every received byte to `onActivity`, so a stall timer sees keep-alive comments too, and hands the
 *   body's bytes to `onBytes` (to see what the SDK does not report, such as `data: [DONE]`);
 * - rewrites error bodies into OpenAI's shape, so the SDK keeps the message of servers that answer differently.
 */
export function createGuardedFetch(opts: {
  baseURL: string;
  onActivity: () => void;
  onBytes?: (chunk: Uint8Array) => void;
  fetch?: typeof globalThis.fetch;
}): typeof globalThis.fetch {
  const baseFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const prefix = `${opts.baseURL}/`;

  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(prefix) && url !== opts.baseURL) throw new OutsideBaseUrlError();

    const headers = new Headers(init?.headers);
    for (const name of [...headers.keys()]) if (name.startsWith('x-stainless-')) headers.delete(name);

    const response = await baseFetch(url, { ...init, headers, redirect: 'manual' });
    opts.onActivity();

    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      void response.body?.cancel().catch(() => undefined);
      throw new RedirectRefusedError(response.status);
    }
    if (!response.ok) {
      const error = extractServerError(await response.text());
      const rewritten = new Headers(response.headers);
      rewritten.set('content-type', 'application/json');
      rewritten.delete('content-length');
      rewritten.delete('content-encoding');
      return new Response(JSON.stringify({ error }), {
        status: response.status,
        statusText: response.statusText,
        headers: rewritten,
      });
    }
    if (!response.body) return response;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          opts.onActivity();
          opts.onBytes?.(chunk);
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
