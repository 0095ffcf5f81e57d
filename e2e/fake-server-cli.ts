/**
 * Runs the fake OpenAI-compatible server by hand or for the benchmark:
 *   tsx e2e/fake-server-cli.ts --port 8787 --record processbench-0036 --rate 100
 * Options: --port (default 8787), --record <id[,id…]>, --text-file <path>, --rate <chunks/s>, --scenario <name>,
 * --key <required API key>, --fail-after <chunks>, --idle <seconds without requests before exiting; default 300>.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SCENARIOS, startFakeServer, type FakeServerOptions, type Scenario } from './fake-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    record: { type: 'string' },
    'text-file': { type: 'string' },
    rate: { type: 'string', default: '100' },
    scenario: { type: 'string', default: 'ok' },
    key: { type: 'string' },
    'fail-after': { type: 'string' },
    idle: { type: 'string', default: '300' },
  },
});

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a non-negative number, got "${value}"`);
    process.exit(2);
  }
  return n;
}

if (!SCENARIOS.includes(values.scenario as Scenario)) {
  console.error(`--scenario must be one of: ${SCENARIOS.join(', ')}`);
  process.exit(2);
}

const options: FakeServerOptions = {
  port: number('port', values.port),
  chunksPerSecond: number('rate', values.rate),
  scenario: values.scenario as Scenario,
  idleTimeoutMs: (number('idle', values.idle) ?? 300) * 1000,
  keepProcessAlive: true,
};
if (values.record) options.record = values.record;
if (values['text-file']) options.text = readFileSync(values['text-file'], 'utf8');
if (values.key) options.apiKey = values.key;
const failAfter = number('fail-after', values['fail-after']);
if (failAfter !== undefined) options.failAfterChunks = failAfter;

try {
  const server = await startFakeServer(options);
  console.log(
    `Fake OpenAI-compatible server at ${server.url} (scenario ${options.scenario}, ` +
      `${options.text ? 'text file' : (options.record ?? 'built-in answer')}, ${options.chunksPerSecond} chunks/s); ` +
      `exits after ${values.idle} s without requests.`,
  );
  process.on('SIGINT', () => void server.close());
  process.on('SIGTERM', () => void server.close());
  await server.closed;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
