/** Setup shared by e2e test files (kept out of harness.ts, which the benchmark and the handout command also use). */
import { afterAll, beforeAll } from 'vitest';
import { startFakeServer, type FakeServer, type FakeServerOptions } from './fake-server.ts';
import { startApp, type AppUnderTest } from './harness.ts';

/**
 * The usual test-file setup: the built app and a fake model server, started before the file's tests and closed
 * after them. Read `.app` and `.server` inside tests (they exist once `beforeAll` has run).
 */
export function appWithFakeServer(serverOptions: FakeServerOptions = { idleTimeoutMs: 120_000, chunksPerSecond: 0 }): {
  readonly app: AppUnderTest;
  readonly server: FakeServer;
} {
  let app: AppUnderTest | undefined;
  let server: FakeServer | undefined;
  beforeAll(async () => {
    [app, server] = await Promise.all([startApp(), startFakeServer(serverOptions)]);
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('The app starts in beforeAll');
      return app;
    },
    get server() {
      if (!server) throw new Error('The fake server starts in beforeAll');
      return server;
    },
  };
}
