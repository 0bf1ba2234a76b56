/**
 * Keyboard-wedge MRZ readers type one line per Enter, and a slow reader
 * (one key per 8 ms USB report, key down then key up) takes 0.7 s for a
 * 44-character line: a fixed gap between lines cannot tell the card's end.
 * The lines' shape can: ICAO 9303 documents have 3 lines of 30 (TD1), or
 * 2 of 36 (TD2, French ID card), or 2 of 44 (TD3).
 */

const SHAPES: ReadonlyArray<{ lines: number; length: number }> = [
  { lines: 3, length: 30 },
  { lines: 2, length: 36 },
  { lines: 2, length: 44 },
];

/**
 * `complete`: the lines make a whole MRZ, parse now. `partial`: the start
 * of one, wait for the next line. `other`: no MRZ shape (a bad read, or not
 * an ID card): parse now, and the parser says what is wrong.
 */
export function mrzProgress(lines: readonly string[]): 'complete' | 'partial' | 'other' {
  const length = lines[0]?.length ?? 0;
  const shape = SHAPES.find((candidate) => candidate.length === length);
  if (!shape || lines.length > shape.lines || lines.some((line) => line.length !== length))
    return 'other';
  return lines.length === shape.lines ? 'complete' : 'partial';
}
