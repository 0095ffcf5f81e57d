/** The parts of a server's error reply the app can use. */
export interface ServerError {
  message?: string;
  type?: string;
  code?: string | null;
  param?: string | null;
}

/**
 * Reads an error body in any of the shapes OpenAI-compatible servers use: OpenAI's `{"error":{message,type,code,
 * param}}`, vLLM/FastChat's `{"object":"error","message":…}`, `{"error":"text"}`, `{"detail":…}`, or plain text.
 */
export function extractServerError(body: string): ServerError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const text = body.trim();
    return text ? { message: text.slice(0, 1000) } : {};
  }
  if (!json || typeof json !== 'object') return {};
  const root = json as Record<string, unknown>;
  const inner = root.error;
  if (typeof inner === 'string') return { message: inner };
  const source = inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : root;
  const message = source.message ?? source.detail ?? root.detail;
  return {
    ...(message !== undefined ? { message: typeof message === 'string' ? message : JSON.stringify(message) } : {}),
    ...(typeof source.type === 'string' ? { type: source.type } : {}),
    code: source.code === undefined || source.code === null ? null : String(source.code),
    param: typeof source.param === 'string' ? source.param : null,
  };
}
