// Runs in the page: the real bridge of src/preload over the harness's loopback HTTP transport
// (`http-ipc.ts`) instead of Electron IPC.
import { buildBridge } from '../../../src/preload/bridge';
import { IPC_EVENTS_PATH, IPC_INVOKE_PATH } from './http-ipc-paths';

type Listener = (payload: unknown) => void;
const host = window as unknown as {
  __wallHarnessToken?: string;
  __wallReceived: unknown[];
  wall: unknown;
};

// The harness hands its token to every frame's init script; only the top frame keeps it, as only
// the main frame passes the real app's sender check.
const token = host.__wallHarnessToken;
delete host.__wallHarnessToken;

if (token !== undefined && window === window.top) {
  const listeners = new Map<string, Set<Listener>>();
  // Every event and reply the page receives is kept so the leak test can search it for the key.
  host.__wallReceived = [];
  // This load's name: the harness runs a command only once this load's event stream is open, so
  // no event sent after a reply can be missed (in Electron the listeners are there from the start).
  const load = crypto.randomUUID();
  const events = new EventSource(`${IPC_EVENTS_PATH}?token=${token}&load=${load}`);
  events.addEventListener('message', (message: MessageEvent<string>) => {
    const { channel, payload } = JSON.parse(message.data) as { channel: string; payload: unknown };
    host.__wallReceived.push({ channel, payload });
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  });
  host.wall = buildBridge({
    invoke: async (channel, payload) => {
      const response = await fetch(IPC_INVOKE_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Wall-Token': token, 'X-Wall-Load': load },
        body: JSON.stringify({ channel, payload }),
      });
      if (!response.ok) throw new Error(`harness IPC: HTTP ${response.status} for ${channel}`);
      const reply: unknown = await response.json();
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
}
