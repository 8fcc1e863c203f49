// The names only: the contract's schemas are main's to apply, and cost the page's start to build.
import { isCommandChannel, isEventChannel } from '../shared/ipc-channels';
import type { WallBridge } from '../shared/ipc-contract';

/** The two things the bridge needs from a transport (Electron's ipcRenderer, or a test double). */
export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.wall` from the contract: one generic `invoke` and one `on`, both refusing any
 * channel the contract does not list, so the page cannot reach an arbitrary IPC channel.
 */
export function buildBridge(transport: BridgeTransport): WallBridge {
  const bridge = {
    invoke(channel: unknown, payload?: unknown) {
      if (!isCommandChannel(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `No such command: ${String(channel)}` } });
      }
      return transport.invoke(channel, payload);
    },
    on(channel: unknown, listener: unknown) {
      if (!isEventChannel(channel) || typeof listener !== 'function') throw new TypeError(`No such event: ${String(channel)}`);
      return transport.subscribe(channel, (payload) => (listener as (p: unknown) => void)(payload));
    },
  };
  return bridge as WallBridge;
}
