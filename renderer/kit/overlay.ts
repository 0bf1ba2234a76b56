import { createContext, useContext, useEffect } from 'react';

/**
 * Dialogs over the guide panel need the whole screen: while one is open the
 * host puts the site aside (guide.overlay). Each dialog reports itself
 * through this context; the App counts them.
 */
export const OverlayContext = createContext<(delta: 1 | -1) => void>(() => {});

/** Marks the calling component's lifetime as "a dialog is open". */
export function useOverlay(): void {
  const report = useContext(OverlayContext);
  useEffect(() => {
    report(1);
    return () => report(-1);
  }, [report]);
}
