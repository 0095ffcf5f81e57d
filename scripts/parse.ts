/** Shell for `npm run --silent parse`: see parse-cli.ts for the command itself. */
import { nodeIo, runParseCli } from './parse-cli.ts';

// A reader that stops early (`| head`) closes the pipe; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

// exitCode rather than process.exit(): lets a large JSON document finish flushing to a pipe.
process.exitCode = await runParseCli(process.argv.slice(2), nodeIo);
