import type { CSSProperties } from 'react';

/**
 * A pictogram from Material Symbols, drawn in the current text colour (the
 * SVG is a CSS mask). Decorative: the text next to it carries the meaning.
 */
export function Icon({ src, size = 48 }: { src: string; size?: number }) {
  const style = { '--icon': `url("${src}")`, '--icon-size': `${size}px` } as CSSProperties;
  return <span className="icon" aria-hidden="true" style={style} />;
}
