// Runs in the page: the real bridge of src/preload over Playwright bindings instead of Electron IPC.
import { buildBridge } from '../../../src/preload/bridge';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const host = window as unknown as {
  __wallInvoke(channel: string, payload: unknown): Promise<unknown>;
  __wallDeliver(channel: string, payload: unknown): void;
  __wallReceived: unknown[];
  wall: unknown;
};

// Every event the page receives is kept so the leak test can search it for the key.
host.__wallReceived = [];
host.__wallDeliver = (channel, payload) => {
  host.__wallReceived.push({ channel, payload });
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};
host.wall = buildBridge({
  invoke: async (channel, payload) => {
    const reply = await host.__wallInvoke(channel, payload);
    host.__wallReceived.push({ channel, reply });
    return reply;
  },
  subscribe(channel, listener) {
    const set = listeners.get(channel) ?? new Set<Listener>();
    listeners.set(channel, set);
    set.add(listener);
    return () => set.delete(listener);
  },
});
