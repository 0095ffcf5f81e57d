/** `npm run fake-server` (the README's way to try the app without a key) starts, answers, and exits by itself. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('fake-server command', () => {
  it('prints its URL, lists its models, replays a corpus answer through a record URL and exits when idle', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/fake-server-cli.ts', '--port', '0', '--idle', '3', '--rate', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.on('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      const url = /(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(firstLine)?.[1];
      expect(url).toBeDefined();
      const models = (await (await fetch(`${url}/models`)).json()) as { data: { id: string }[] };
      expect(models.data.map((m) => m.id)).toContain('fake-model');
      const recordURL = url!.replace(/\/v1$/, '/record/qwen25math-0005/v1');
      const reply = await fetch(`${recordURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'fake-model', stream: false, messages: [{ role: 'user', content: 'x' }] }),
      });
      const body = (await reply.json()) as { choices: { message: { content: string } }[] };
      expect(body.choices[0]?.message.content.length).toBeGreaterThan(20);
      // It stops by itself: no test or user has to remember to kill it.
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
  }, 30_000);
});
