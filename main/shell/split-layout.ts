/**
 * The split view: the official site on one side of the screen, the guide
 * panel on the other. The panel is on the side where reading starts (left in
 * French, right in Arabic), so the visitor reads the step, then acts on the
 * site. Pure: both hosts place their two surfaces with these rectangles.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * 'typing': the on-screen keyboard is open for a field of the site. Its keys
 * need the screen's width (64 px keys do not fit in the panel), so the site
 * goes above and the kiosk's strip (the step in one line, the keyboard) below.
 */
export type ScreenLayout =
  | { mode: 'full' }
  /** `scale`: the visit's text size (1, 1.25, 1.5); larger text gets a wider panel. */
  | { mode: 'split'; direction: 'ltr' | 'rtl'; scale?: number }
  | { mode: 'typing'; scale?: number };

/** Narrower, the guide's 64 px buttons and 22 px text no longer fit; wider takes the site's room. */
export const PANEL_MIN_WIDTH = 440;
export const PANEL_MAX_WIDTH = 600;
const PANEL_SHARE = 0.32;
/** The keyboard strip: the step line (with "Appeler un bénévole") and six rows of 64 px keys. */
const KEYBOARD_SHARE = 0.46;
export const KEYBOARD_MIN_HEIGHT = 510;

/** Larger text: the step line may take two lines above the keys. */
const KEYBOARD_EXTRA_PER_SCALE = 120;

export function keyboardHeight(screenHeight: number, scale = 1): number {
  const least = KEYBOARD_MIN_HEIGHT + Math.round((scale - 1) * KEYBOARD_EXTRA_PER_SCALE);
  return Math.min(screenHeight, Math.max(least, Math.round(screenHeight * KEYBOARD_SHARE)));
}

/** Never more than this share of the screen: the site must stay usable beside the panel. */
const PANEL_MAX_SHARE = 0.5;

export function panelWidth(screenWidth: number, scale = 1): number {
  const wanted = Math.round(screenWidth * PANEL_SHARE * scale);
  const widest = Math.min(PANEL_MAX_WIDTH * scale, Math.round(screenWidth * PANEL_MAX_SHARE));
  const narrowest = Math.min(PANEL_MIN_WIDTH * scale, widest);
  return Math.min(widest, Math.max(narrowest, wanted), screenWidth);
}

/** Where the kiosk's page and the site go; in 'full' mode the site is hidden (null). */
export function placeSurfaces(
  screen: { width: number; height: number },
  layout: ScreenLayout,
): { kiosk: Rect; site: Rect | null } {
  const whole = { x: 0, y: 0, width: screen.width, height: screen.height };
  if (layout.mode === 'full') return { kiosk: whole, site: null };
  if (layout.mode === 'typing') {
    const strip = keyboardHeight(screen.height, layout.scale);
    const siteHeight = screen.height - strip;
    return {
      kiosk: { x: 0, y: siteHeight, width: screen.width, height: strip },
      site: { x: 0, y: 0, width: screen.width, height: siteHeight },
    };
  }
  const panel = panelWidth(screen.width, layout.scale);
  const siteWidth = screen.width - panel;
  const panelFirst = layout.direction === 'ltr';
  return {
    kiosk: { x: panelFirst ? 0 : siteWidth, y: 0, width: panel, height: screen.height },
    site: { x: panelFirst ? panel : 0, y: 0, width: siteWidth, height: screen.height },
  };
}
