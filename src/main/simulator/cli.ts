/**
 * Runs the simulator on its own: `npm run simulator -- --streams 200 --latency 40`. Prints the API
 * base, the asset host and every credential it accepts, then serves until SIGINT or SIGTERM.
 */
import { USAGE, credentialLine, parseCliArgs } from './cli-args';
import { startSimulator } from './index';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sim = await startSimulator(options);
  const lines = [
    `bintu simulator (seed ${options.seed ?? 1})`,
    `base url: ${sim.baseUrl}`,
    `asset url: ${sim.assetBaseUrl}`,
    ...sim.credentials.map(credentialLine),
    `control: ${sim.baseUrl}/_sim/streams`,
    ...(options.faults ? [`faults (every stream): ${JSON.stringify(sim.control.globalFaults())}`] : []),
    // Streams are named by their index on the command line; print the id each one resolved to.
    ...sim.control.listStreams().flatMap((s, i) => (s.faults ? [`faults (stream ${i}, ${s.id}): ${JSON.stringify(s.faults)}`] : [])),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (): void => {
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`simulator failed: ${(e as Error).message}\n`);
  process.exit(1);
});
