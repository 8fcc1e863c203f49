import { runCli } from './index';

const argv = process.argv.slice(2);

/**
 * `watch` runs until told to stop: the first SIGINT or SIGTERM asks it to close cleanly (exit 0),
 * a second one while it closes leaves at once, as an operator pressing Ctrl-C twice expects. The
 * other commands keep Node's default, so Ctrl-C ends them at once.
 */
function stopSignal(): Promise<string> | undefined {
  if (argv[0] !== 'watch') return undefined;
  return new Promise((resolve) => {
    let asked = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (asked) process.exit(130);
      asked = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

// Entry for `npm run cli -- <command>`: the exit code tells scripts whether it worked.
const stop = stopSignal();
void runCli(argv, console.log, console.error, { ...(stop ? { stop } : {}) }).then((code) => {
  process.exitCode = code;
});
