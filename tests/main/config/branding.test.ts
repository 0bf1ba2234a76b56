import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, decodeLogo, LOGO_MAX_BYTES } from '../../../main/config/branding.js';
import { KioskConfig } from '../../../main/config/config-schema.js';

/** The example logo shipped for receipts: a real PNG. */
const examplePng = () => readFileSync('build/receipt/logo-exemple.png');

describe('branding', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#0b3a82', '#ffffff')).toBeGreaterThan(10);
  });

  it('takes a dark colour, and refuses one too light to read on (7:1)', () => {
    expect(KioskConfig.parse({ branding: { colour: '#5a1a6e' } }).branding.colour).toBe('#5a1a6e');
    const light = KioskConfig.safeParse({ branding: { colour: '#2f7bd8' } });
    expect(light.success).toBe(false);
    expect(light.error?.issues[0]?.message).toContain('contrast under 7:1');
    expect(KioskConfig.safeParse({ branding: { colour: 'navy' } }).success).toBe(false);
  });

  it('takes a PNG logo, and reads its type from its bytes', () => {
    const png = examplePng();
    const config = KioskConfig.parse({ branding: { logo: png.toString('base64') } });
    const logo = decodeLogo(config.branding.logo ?? '');
    expect(logo).toMatchObject({ type: 'image/png', bytes: png });
  });

  it('refuses a logo that is not an image, not base64, or too big', () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    expect(decodeLogo(svg.toString('base64'))).toBe('the logo must be a PNG or JPEG image');
    expect(decodeLogo('not base64!')).toBe('the logo must be base64 (PNG or JPEG)');
    const big = Buffer.concat([examplePng(), Buffer.alloc(LOGO_MAX_BYTES)]);
    expect(decodeLogo(big.toString('base64'))).toMatch(/^the logo is \d+ KB; at most 96 KB$/);
    const result = KioskConfig.safeParse({ branding: { logo: svg.toString('base64') } });
    expect(result.success).toBe(false);
  });
});
