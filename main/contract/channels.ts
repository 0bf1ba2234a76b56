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

/** A document of the visit's folder: GET <DOCUMENT_PATH>?name=&token= (viewer, thumbnails). */
export const DOCUMENT_PATH = '/documents/file';

/** A document's first page, small (PNG): GET <THUMBNAIL_PATH>?name=&token= */
export const THUMBNAIL_PATH = '/documents/thumbnail';

/** A page of the scan being made, cropped and turned: GET <DRAFT_PAGE_PATH>?index=&v=&token= (PNG). */
export const DRAFT_PAGE_PATH = '/documents/draft-page';

/** The name under which the Electron preload exposes the transport. */
export const PRELOAD_GLOBAL = 'borneHost';
