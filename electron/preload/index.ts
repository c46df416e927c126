// Exposes exactly the contract's methods as `window.api`, and one event, as `window.appEvents`.
// Nothing else crosses: no ipcRenderer, no Node. The main process still checks every call's
// sender and parses every input, because a compromised renderer could call these with anything.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiClient } from '../../core/api/contract';
import { API_CHANNEL_PREFIX, LOCKED_CHANNEL, methodsFromArgv } from './channels';

function buildClient(names: readonly string[]): ApiClient {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of names) {
    client[name] = (input: unknown) => ipcRenderer.invoke(API_CHANNEL_PREFIX + name, input);
  }
  return client as ApiClient;
}

const appEvents = {
  /** Calls `callback` when the app locks itself (idle, screen lock, sleep); returns an unsubscribe. */
  onLocked(callback: () => void): () => void {
    if (typeof callback !== 'function') throw new TypeError('onLocked needs a function.');
    // The IPC event is not passed on: it carries a reference back to ipcRenderer.
    const listener = (_event: IpcRendererEvent) => callback();
    ipcRenderer.on(LOCKED_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(LOCKED_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('api', buildClient(methodsFromArgv(process.argv)));
contextBridge.exposeInMainWorld('appEvents', appEvents);
