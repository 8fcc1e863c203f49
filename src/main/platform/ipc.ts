import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { commandChannels } from '../../shared/ipc-contract';
import { fail } from '../../shared/errors';
import type { ComposedApp } from '../compose';
import type { Disposable } from '../core/lifecycle';

/**
 * Registers a handler for every command of the contract. Each call is checked twice: the sender
 * must be our own top-level frame, and the payload must parse (inside `dispatch`).
 */
export function registerIpc(app: ComposedApp, isTrusted: (frame: WebFrameMain | null) => boolean): Disposable {
  for (const channel of commandChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrusted(event.senderFrame)) {
        return fail({ code: 'forbidden-sender', message: 'This command is only available to the Bintu Wall window.' });
      }
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
