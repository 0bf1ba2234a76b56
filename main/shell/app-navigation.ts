/**
 * Whether the kiosk's own window may go to a URL: only pages of the origin
 * that served it. Compared on the parsed URL, never on a string prefix
 * (http://127.0.0.1:5180.evil.example/ starts with the origin too).
 */
export function isAppPage(url: string, appOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.origin === new URL(appOrigin).origin && parsed.username === '' && parsed.password === ''
  );
}
