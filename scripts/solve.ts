/**
 * `npm run --silent solve -- "<problem>"`: the built-in solver from the command line. Prints the Solution as
 * JSON (the same shape as `npm run parse`) and exits 0, or prints why it declines and exits 2.
 */
import { solveProblem } from '../src/services/solver/index.ts';
import { formatJson } from './parse-cli.ts';

const problem = process.argv.slice(2).join(' ').trim();
if (!problem) {
  process.stderr.write('usage: npm run --silent solve -- "<problem>"\n');
  process.exit(64);
}
const out = solveProblem(problem);
if (out.ok) {
  process.stdout.write(`${formatJson(out.solution)}\n`);
  process.exit(0);
}
process.stdout.write(out.reason + '\n');
process.exit(2);
