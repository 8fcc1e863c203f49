import { runCli } from './index';

// Entry for `npm run cli -- <command>`: the exit code tells scripts whether it worked.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
