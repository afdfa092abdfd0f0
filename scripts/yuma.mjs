// `npm run -s yuma -- …`: loads src/cli/yuma.ts through tsx's in-process loader (one node process, no build step)
// and turns its result into the exit code. Any failure here is one stderr line and exit 1, never a stack trace.
import { tsImport } from 'tsx/esm/api';

const oneLine = (e) => String(e instanceof Error ? e.message || e.name : e).split('\n')[0];
const die = (e) => {
  process.stderr.write(`yuma: internal error: ${oneLine(e)}\n`);
  process.exit(1);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);
// A closed pipe on stdout (`| head`) ends the run quietly.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 1));

try {
  const { main } = await tsImport('../src/cli/yuma.ts', import.meta.url);
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
} catch (e) {
  die(e);
}
