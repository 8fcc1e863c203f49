/**
 * Runs the hostile bintu in a child process (see `hostile-process.ts`), so what it costs to make
 * its floods is not measured against the app under test.
 */
import { startHostileBintu, type ListMode } from './hostile-bintu';

type Request = { id: number; op: 'stats' } | { id: number; op: 'mode'; mode: ListMode } | { id: number; op: 'close' };

const bintu = await startHostileBintu({ streams: Number(process.argv[2] ?? 100_000) });
process.on('message', (request: Request) => {
  const answer = async (): Promise<unknown> => {
    if (request.op === 'stats') return bintu.stats();
    if (request.op === 'mode') return bintu.setListMode(request.mode);
    await bintu.close();
    return null;
  };
  void answer().then((value) => {
    process.send?.({ id: request.id, value });
    if (request.op === 'close') process.disconnect();
  });
});
process.on('disconnect', () => void bintu.close().then(() => process.exit(0)));
process.send?.({ ready: bintu.base });
