/**
 * The sandboxed preload: exposes the contract's transport and nothing else.
 * Messages are validated by the receiver on each side, not here.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, PRELOAD_GLOBAL } from '../contract/channels.js';

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, {
  request: (envelope: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_REQUEST_CHANNEL, envelope),
  onEvent: (listener: (envelope: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, envelope: unknown) => listener(envelope);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
});
