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

export type ScreenLayout = { mode: 'full' } | { mode: 'split'; direction: 'ltr' | 'rtl' };

/** Narrower, the guide's 64 px buttons and 22 px text no longer fit; wider takes the site's room. */
export const PANEL_MIN_WIDTH = 440;
export const PANEL_MAX_WIDTH = 600;
const PANEL_SHARE = 0.32;

export function panelWidth(screenWidth: number): number {
  const wanted = Math.round(screenWidth * PANEL_SHARE);
  return Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, wanted), screenWidth);
}

/** Where the kiosk's page and the site go; in 'full' mode the site is hidden (null). */
export function placeSurfaces(
  screen: { width: number; height: number },
  layout: ScreenLayout,
): { kiosk: Rect; site: Rect | null } {
  const whole = { x: 0, y: 0, width: screen.width, height: screen.height };
  if (layout.mode === 'full') return { kiosk: whole, site: null };
  const panel = panelWidth(screen.width);
  const siteWidth = screen.width - panel;
  const panelFirst = layout.direction === 'ltr';
  return {
    kiosk: { x: panelFirst ? 0 : siteWidth, y: 0, width: panel, height: screen.height },
    site: { x: panelFirst ? panel : 0, y: 0, width: siteWidth, height: screen.height },
  };
}
