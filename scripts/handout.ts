/** Shell for `npm run handout`: see handout-cli.ts for the command itself. */
import { readFile, writeFile } from 'node:fs/promises';
import { runHandoutCli } from './handout-cli.ts';
import { renderHandoutPdf } from './handout-render.ts';

process.exitCode = await runHandoutCli(process.argv.slice(2), {
  readFile: (path) => readFile(path),
  writeFile: (path, data) => writeFile(path, data),
  render: renderHandoutPdf,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
