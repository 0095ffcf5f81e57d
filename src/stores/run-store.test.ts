/**
 * The run store against a real OpenAI-compatible server (the fake one, over HTTP on 127.0.0.1) through the real
 * model adapter: what the student ends up with after a stream, a stop, or each kind of failure.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER, DEFAULT_REASONING, startFakeServer, type FakeServer } from '../../e2e/fake-server.ts';
import { parseSolution } from '../core/solution/parse-solution.ts';
import { createHistoryStorage, memoryBackend, type HistoryBackend } from '../services/storage/index.ts';
import { resetHistoryForTest, useHistoryStore } from './history-store.ts';
import { hideAll, nextStep, openEntry, resetRunForTest, retry, revealAll, showPasted, solve, stop, useRunStore } from './run-store.ts';
import { resetSettingsForTest } from './settings-store.ts';

let server: FakeServer;
let backend: HistoryBackend;

beforeAll(async () => {
  server = await startFakeServer({ idleTimeoutMs: 30_000 });
});
afterAll(() => server.close());

beforeEach(() => {
  resetRunForTest();
  backend = memoryBackend();
  resetHistoryForTest(createHistoryStorage(backend));
  server.configure({ scenario: 'ok', chunksPerSecond: 400, failAfterChunks: 10 });
  resetSettingsForTest({ solver: 'model', baseURL: server.url, model: 'fake-model' });
});

const waitFor = async (check: () => boolean, ms = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const stored = async () => (await backend.getAll()) as { id: string; answer: string; status: string }[];

describe('solving with a model', () => {
  it('streams the answer into steps and the final answer, and saves it', async () => {
    await solve('Solve 2x + 3 = 11');
    const s = useRunStore.getState();
    expect(s.phase).toBe('done');
    expect(s.problem).toBe('Solve 2x + 3 = 11');
    expect(s.solution).toEqual(parseSolution(DEFAULT_ANSWER));
    expect(s.solution.answer?.text).toBe('x = 4');
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ answer: DEFAULT_ANSWER, status: 'done' });
  });

  it('commits to the screen at most once per frame, not once per chunk', async () => {
    server.configure({ chunksPerSecond: 0 }); // every chunk at once
    let commits = 0;
    const unsubscribe = useRunStore.subscribe((s, prev) => {
      if (s.solution !== prev.solution) commits++;
    });
    await solve('Solve 2x + 3 = 11');
    unsubscribe();
    const chunks = DEFAULT_ANSWER.match(/ ?\S{1,4}|\s+?(?= \S)|\s+/gu)?.length ?? 0;
    expect(chunks).toBeGreaterThan(30);
    expect(commits).toBeLessThanOrEqual(3);
  });

  it('keeps reasoning apart from the steps', async () => {
    server.configure({ scenario: 'reasoning' });
    await solve('Solve 2x + 3 = 11');
    const s = useRunStore.getState();
    expect(s.reasoning).toBe(DEFAULT_REASONING);
    expect(s.solution.steps.map((st) => st.body).join('')).not.toContain('The student wants');
  });

  it('Stop keeps everything received', async () => {
    server.configure({ chunksPerSecond: 40 });
    const done = solve('Solve 2x + 3 = 11');
    await waitFor(() => useRunStore.getState().solution.steps.length >= 1);
    stop();
    await done;
    const s = useRunStore.getState();
    expect(s.phase).toBe('stopped');
    expect(s.error?.kind).toBe('aborted');
    expect(s.solution.steps.length).toBeGreaterThanOrEqual(1);
    const [row] = await stored();
    expect(row?.status).toBe('stopped');
    expect(DEFAULT_ANSWER.startsWith(row?.answer ?? 'x')).toBe(true);
    expect(row?.answer.length).toBeGreaterThan(20);
  });

  it('saves a partial answer while it is still streaming', async () => {
    server.configure({ chunksPerSecond: 40 });
    const done = solve('Solve 2x + 3 = 11');
    await waitFor(() => useRunStore.getState().phase === 'streaming');
    await new Promise((r) => setTimeout(r, 800));
    const [row] = await stored();
    expect(row?.status).toBe('streaming');
    expect(row?.answer.length).toBeGreaterThan(0);
    stop();
    await done;
  });

  it('a dropped connection keeps the steps received and a retry gets its own entry', async () => {
    server.configure({ scenario: 'drop-mid-stream', failAfterChunks: 40 });
    await solve('Solve 2x + 3 = 11');
    const s = useRunStore.getState();
    expect(s.phase).toBe('failed');
    expect(s.error?.kind).toBe('dropped');
    expect(s.solution.steps.length).toBeGreaterThanOrEqual(1);
    const firstId = s.entryId;
    server.configure({ scenario: 'ok' });
    await retry();
    expect(useRunStore.getState()).toMatchObject({ phase: 'done', problem: 'Solve 2x + 3 = 11' });
    expect(useRunStore.getState().entryId).not.toBe(firstId);
    expect(useHistoryStore.getState().entries).toHaveLength(2);
  });

  it('a failure before anything arrived is replaced by its retry', async () => {
    server.configure({ scenario: 'unauthorized' });
    await solve('Solve 2x + 3 = 11');
    const s = useRunStore.getState();
    expect(s).toMatchObject({ phase: 'failed', problem: 'Solve 2x + 3 = 11' });
    expect(s.error?.kind).toBe('unauthorized');
    server.configure({ scenario: 'ok' });
    await retry();
    expect(useRunStore.getState()).toMatchObject({ phase: 'done', entryId: s.entryId });
    expect(useHistoryStore.getState().entries).toHaveLength(1);
  });

  it('honours a silence timeout from the settings', async () => {
    resetSettingsForTest({ solver: 'model', baseURL: server.url, model: 'fake-model', silenceTimeoutSeconds: 1 });
    server.configure({ scenario: 'stall', failAfterChunks: 20 });
    await solve('Solve 2x + 3 = 11');
    const s = useRunStore.getState();
    expect(s.error?.kind).toBe('stalled');
    expect(s.solution.steps.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps streaming into its entry while another entry is open', async () => {
    await showPasted('Other problem', '## Step 1: A\nx = 1\n\n## Answer\n\\[ \\boxed{1} \\]');
    const otherId = useRunStore.getState().entryId!;
    server.configure({ chunksPerSecond: 100 });
    const done = solve('Solve 2x + 3 = 11');
    await waitFor(() => useRunStore.getState().phase === 'streaming');
    const streamingId = useRunStore.getState().entryId!;
    openEntry(otherId);
    await done;
    expect(useRunStore.getState().problem).toBe('Other problem');
    openEntry(streamingId);
    expect(useRunStore.getState()).toMatchObject({ phase: 'done', solution: parseSolution(DEFAULT_ANSWER) });
  });
});

describe('built-in solver', () => {
  it('solves offline into a history entry', async () => {
    resetSettingsForTest({ solver: 'builtin', baseURL: server.url, model: 'fake-model' });
    const requestsBefore = server.requests.length;
    await solve('Solve 2x + 3 = 11');
    expect(server.requests.length).toBe(requestsBefore);
    const s = useRunStore.getState();
    expect(s).toMatchObject({ phase: 'done', source: 'builtin' });
    expect(s.solution.steps.length).toBeGreaterThan(0);
    expect(s.solution.answer?.text.replace(/\s/g, '')).toContain('x=4');
  });

  it('says what to do when it cannot solve a problem', async () => {
    resetSettingsForTest({ solver: 'builtin' });
    await solve('Find the 100th prime');
    const s = useRunStore.getState();
    expect(s).toMatchObject({ phase: 'failed', problem: 'Find the 100th prime' });
    // Said once, not wrapped in a second sentence saying the same.
    expect(s.error?.message).toBe("The built-in solver can't do this one — connect a model to get a worked solution.");
    expect(s.error?.hint).toMatch(/open Settings/);
    expect(s.error?.hint).toMatch(/Paste an answer/);
  });
});

describe("checking a model's answer with the built-in solver", () => {
  const wrongAnswer = DEFAULT_ANSWER.replace('\\boxed{x = 4}', '\\boxed{x = 5}');
  const storedRow = async (id: string) => (await backend.getAll()).find((r) => (r as { id: string }).id === id) as Record<string, unknown>;

  it('an answer equal to the solver\'s is marked as checked, and saved so', async () => {
    await solve('Solve 2x + 3 = 11');
    const s = useRunStore.getState();
    expect(s).toMatchObject({ phase: 'done', validated: { status: 'agrees' } });
    expect(await storedRow(s.entryId!)).toMatchObject({ v: 3, validated: { status: 'agrees' } });
  });

  it("a different answer keeps the solver's answer with it, shown again when reopened", async () => {
    server.configure({ text: wrongAnswer });
    try {
      await solve('Solve 2x + 3 = 11');
    } finally {
      server.configure({ text: DEFAULT_ANSWER });
    }
    const id = useRunStore.getState().entryId!;
    expect(useRunStore.getState().solution.answer?.text).toBe('x = 5');
    expect(useRunStore.getState().validated).toEqual({ status: 'disagrees', solverAnswer: 'x = 4' });
    expect(await storedRow(id)).toMatchObject({ validated: { status: 'disagrees', solverAnswer: 'x = 4' } });
    await showPasted('Other problem', '## Step 1: A\ny = 1');
    expect(useRunStore.getState().validated).toBeNull();
    openEntry(id);
    expect(useRunStore.getState().validated).toEqual({ status: 'disagrees', solverAnswer: 'x = 4' });
  });

  it('says nothing when the solver cannot do the problem', async () => {
    await solve('Find the 100th prime');
    const s = useRunStore.getState();
    expect(s).toMatchObject({ phase: 'done', validated: null });
    expect(await storedRow(s.entryId!)).not.toHaveProperty('validated');
  });

  it('checks a pasted answer too, by equivalence rather than by text', async () => {
    await showPasted('x^2 - 5x + 6 = 0', '## Step 1: Factor\n(x-2)(x-3)=0\n\n## Answer\n\\[ \\boxed{x = 2 \\text{ or } x = 3} \\]');
    expect(useRunStore.getState().validated).toEqual({ status: 'agrees' });
    await showPasted('x^2 - 5x + 6 = 0', '## Step 1: Factor\n(x-2)(x-3)=0\n\n## Answer\n\\[ \\boxed{x = 2} \\]');
    expect(useRunStore.getState().validated).toMatchObject({ status: 'disagrees' });
  });
});

describe('reveal state', () => {
  it('is kept per solution and saved with it', async () => {
    await showPasted('P1', '## Step 1: A\nx = 1\n\n## Step 2: B\nx = 2\n\n## Answer\n\\[ \\boxed{2} \\]');
    const first = useRunStore.getState().entryId!;
    nextStep();
    await showPasted('P2', '## Step 1: A\ny = 1');
    revealAll();
    openEntry(first);
    expect(useRunStore.getState().reveal).toMatchObject({ shown: 1, all: false });
    hideAll();
    expect(useRunStore.getState().reveal.shown).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    const rows = (await backend.getAll()) as { problem: string; reveal: { shown: number; all: boolean } }[];
    expect(rows.find((r) => r.problem === 'P2')?.reveal.all).toBe(true);
    expect(rows.find((r) => r.problem === 'P1')?.reveal.shown).toBe(0);
  });
});
