import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (problem: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/solve.ts', problem], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('npm run solve', () => {
  it('prints the Solution JSON and exits 0', () => {
    const r = run('2x + 3 = 11');
    expect(r.status).toBe(0);
    const sol = JSON.parse(r.stdout);
    expect(Object.keys(sol)).toEqual(['preamble', 'steps', 'answer', 'thinking']);
    expect(sol.answer.text).toBe('x = 4');
    expect(sol.steps[0]).toEqual({ title: expect.any(String), body: expect.any(String), source: [expect.any(Number), expect.any(Number)], complete: true });
  });
  it('prints the reason and exits 2 when it cannot solve the problem', () => {
    const r = run('Integrate x^2');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/can't do this one/);
  });
});
