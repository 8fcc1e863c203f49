import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { commandChannels } from '../../shared/ipc-contract';
import { fail } from '../../shared/errors';
import type { ComposedApp } from '../compose';
import type { Disposable } from '../core/lifecycle';

/**
 * Registers a handler for every command of the contract, as soon as the window exists. Each call
 * is checked twice: the sender must be our own top-level frame, and the payload must parse (inside
 * `dispatch`). Until the core has started, calls wait for it (the page shows that it is starting);
 * if start-up fails, they are answered with that failure.
 */
export function registerIpc(core: Promise<ComposedApp>, isTrusted: (frame: WebFrameMain | null) => boolean): Disposable {
  // A failed start is reported to the operator by the start-up itself; here it only answers calls.
  core.catch(() => undefined);
  for (const channel of commandChannels) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrusted(event.senderFrame)) {
        return fail({ code: 'forbidden-sender', message: 'This command is only available to the Bintu Wall window.' });
      }
      const app = await core.catch(() => null);
      if (app === null) return fail({ code: 'internal', message: 'Bintu Wall could not start. Quit it and start it again.' });
      return app.dispatch(channel, payload);
    });
  }
  return { dispose: () => commandChannels.forEach((channel) => ipcMain.removeHandler(channel)) };
}

/** Forwards every contract event to one window's page. */
export function forwardEvents(app: ComposedApp, contents: WebContents): Disposable {
  return app.onEvent((channel, payload) => {
    if (!contents.isDestroyed()) contents.send(channel, payload);
  });
}
