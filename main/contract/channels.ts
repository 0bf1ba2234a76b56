/**
 * Transport names shared by the hosts and the Electron preload. Kept apart
 * from the schemas so the sandboxed preload bundles nothing else.
 */
export const IPC_REQUEST_CHANNEL = 'borne:request';
export const IPC_EVENT_CHANNEL = 'borne:event';

/** The browser host's WebSocket path. */
export const WS_PATH = '/ipc';

/** Read-aloud: GET <SPEECH_PATH>?lang=&text=&token= answers audio/wav (both hosts). */
export const SPEECH_PATH = '/speech';

/** The name under which the Electron preload exposes the transport. */
export const PRELOAD_GLOBAL = 'borneHost';
