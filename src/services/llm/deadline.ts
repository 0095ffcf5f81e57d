/**
 * One request's abort: the user's signal or a time limit, whichever comes first, remembering which it was so
 * the failure can say "stopped" or "timed out".
 */
export interface Deadline {
  signal: AbortSignal;
  /** Why the request was aborted, or null while it runs. */
  stopped(): 'user' | 'stalled' | null;
  /** Clears the timer and the listener; call once the request is over. */
  dispose(): void;
}

export function createDeadline(timeoutMs: number, userSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let stopped: 'user' | 'stalled' | null = null;
  const timer = setTimeout(() => {
    stopped ??= 'stalled';
    controller.abort();
  }, timeoutMs);
  const onUserAbort = () => {
    stopped ??= 'user';
    controller.abort();
  };
  userSignal?.addEventListener('abort', onUserAbort, { once: true });
  return {
    signal: controller.signal,
    stopped: () => stopped,
    dispose() {
      clearTimeout(timer);
      userSignal?.removeEventListener('abort', onUserAbort);
    },
  };
}
