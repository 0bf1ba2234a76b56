/**
 * A welcome point's look: its colour and its logo on the welcome screen.
 * Both are checked where they are set (the configuration's schema, hence also
 * the fleet console before publishing): the colour must keep white text on it
 * readable at WCAG AAA (7:1), and the logo must be a real PNG or JPEG small
 * enough to travel in a signed bundle.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const DEFAULT_BRAND_COLOUR = '#0b3a82';
/** Decoded logo size limit: a welcome-screen logo, not a photograph. */
export const LOGO_MAX_BYTES = 96 * 1024;
/** WCAG's enhanced contrast (AAA) for body text. */
const AAA_CONTRAST = 7;

export type LogoType = 'image/png' | 'image/jpeg';

export interface Logo {
  type: LogoType;
  bytes: Buffer;
  /** Short digest of the bytes: changes the logo's URL when the logo changes. */
  tag: string;
}

/** Relative luminance (WCAG 2) of a `#rrggbb` colour. */
function luminance(colour: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(colour.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio (WCAG 2) between two `#rrggbb` colours. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The brand colour carries white text (buttons) and is text itself on the
 * kiosk's paper and its tinted panels (headings, links): the darkest of those
 * backgrounds is the one it must stand out from.
 */
const BACKGROUNDS = ['#ffffff', '#f1f4fa'];

export function readableBrandColour(colour: string): boolean {
  return BACKGROUNDS.every((background) => contrastRatio(colour, background) >= AAA_CONTRAST);
}

/** The logo in a configuration (base64), checked: its type from its first bytes, never from a name. */
export function decodeLogo(base64: string): Logo | string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return 'the logo must be base64 (PNG or JPEG)';
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) {
    return `the logo is ${Math.ceil(bytes.length / 1024)} KB; at most ${LOGO_MAX_BYTES / 1024} KB`;
  }
  const type = imageType(bytes);
  if (!type) return 'the logo must be a PNG or JPEG image';
  return { type, bytes, tag: createHash('sha256').update(bytes).digest('hex').slice(0, 12) };
}

function imageType(bytes: Buffer): LogoType | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export const BrandingSection = z
  .object({
    /** Buttons and headings: it must keep a 7:1 contrast with white and the kiosk's light panels. */
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #0b3a82')
      .refine(
        readableBrandColour,
        'too light: text on this colour, or in it, would not be readable (contrast under 7:1)',
      )
      .default(DEFAULT_BRAND_COLOUR),
    /** The welcome point's logo on the welcome screen: a PNG or JPEG in base64, at most 96 KB. */
    logo: z
      .string()
      .superRefine((base64, context) => {
        const logo = decodeLogo(base64);
        if (typeof logo === 'string') context.addIssue({ code: 'custom', message: logo });
      })
      .optional(),
  })
  .strict();
export type BrandingSection = z.infer<typeof BrandingSection>;
