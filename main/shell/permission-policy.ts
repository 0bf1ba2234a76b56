/**
 * What web content may ask the kiosk for. A shared public terminal grants no
 * device, no location, no notification, no clipboard read: the answer is no,
 * for known and unknown permissions alike. Only element fullscreen (a video)
 * is harmless inside a kiosk window that cannot leave fullscreen anyway.
 */
const ALLOWED = new Set(['fullscreen']);

export type PermissionDecision = { allow: true } | { allow: false; reason: string };

export function decidePermission(permission: string): PermissionDecision {
  if (ALLOWED.has(permission)) return { allow: true };
  return { allow: false, reason: `${permission} is never granted on a shared kiosk` };
}

/** Permissions web content commonly asks for; all refused (escape catalogue, tests). */
export const REFUSED_PERMISSIONS = [
  'media',
  'camera',
  'microphone',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'midi',
  'midiSysex',
  'hid',
  'serial',
  'usb',
  'bluetooth',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'display-capture',
  'idle-detection',
  'storage-access',
  'window-management',
  'unknown',
] as const;
