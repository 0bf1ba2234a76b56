/**
 * How far a page is tilted on the glass (a few degrees, as a hand lays it):
 * the projection-profile method. Dark pixels are projected onto lines at
 * each candidate angle; when the angle matches the text's, each line of text
 * falls into few rows and the profile is sharpest (largest sum of squares).
 * Computed on a small black-and-white copy, without turning any image.
 */
import sharp from 'sharp';

/** A page tilted more than this was not laid by a hand: it is left alone. */
export const MAX_SKEW_DEGREES = 8;
/** Below this the tilt is not visible, and turning would only blur the page. */
const MIN_SKEW_DEGREES = 0.3;
/** The profile at the best angle must beat the page as it lies by this much. */
const MIN_GAIN = 1.05;
const WIDTH = 800;

/**
 * The page's clockwise tilt in degrees once turned upright by `rotation`
 * (turn it by the opposite to straighten it), or 0.
 */
export async function detectSkew(image: Buffer, rotation: 0 | 90 | 180 | 270 = 0): Promise<number> {
  const { data, info } = await sharp(image)
    .rotate(rotation)
    .greyscale()
    .resize({ width: WIDTH, withoutEnlargement: true })
    .threshold(150)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < info.height; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      if ((data[y * info.width + x] ?? 255) < 128) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  // Nearly blank, or nearly all dark (a photo, a card): no lines of text to follow.
  const share = xs.length / (info.width * info.height);
  if (share < 0.002 || share > 0.3) return 0;
  const score = (degrees: number) => profileSharpness(xs, ys, info.width, info.height, degrees);
  let best = 0;
  let bestScore = score(0);
  const flat = bestScore;
  // Coarse, then fine around the best coarse angle.
  for (const step of [0.5, 0.05]) {
    const centre = best;
    const span = step === 0.5 ? MAX_SKEW_DEGREES : 0.5;
    for (let degrees = centre - span; degrees <= centre + span + 1e-9; degrees += step) {
      const value = score(degrees);
      if (value > bestScore) {
        bestScore = value;
        best = degrees;
      }
    }
  }
  // At the edge of the search, the page is turned further than a hand lays it: left alone.
  if (Math.abs(best) > MAX_SKEW_DEGREES - 0.5) return 0;
  if (Math.abs(best) < MIN_SKEW_DEGREES || bestScore < flat * MIN_GAIN) return 0;
  return Math.round(best * 100) / 100;
}

function profileSharpness(
  xs: readonly number[],
  ys: readonly number[],
  width: number,
  height: number,
  degrees: number,
): number {
  const radians = (degrees * Math.PI) / 180;
  const sin = Math.sin(radians);
  const cos = Math.cos(radians);
  // Rows of the page straightened by `degrees`; the offset keeps every index positive.
  const offset = Math.ceil(width * Math.abs(sin)) + 1;
  const rows = new Uint32Array(height + 2 * offset + 2);
  for (let i = 0; i < xs.length; i += 1) {
    const row = Math.round((ys[i] as number) * cos - (xs[i] as number) * sin) + offset;
    rows[row] = (rows[row] ?? 0) + 1;
  }
  let sum = 0;
  for (const count of rows) sum += count * count;
  return sum;
}
