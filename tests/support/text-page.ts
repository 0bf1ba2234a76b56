/**
 * A scanned letter as a scanner gives it: an A4 page at 150 dpi with lines of
 * French text (drawn from SVG in DejaVu Sans, Debian's fonts-dejavu-core),
 * optionally lying on its side or upside down on the glass.
 */
import sharp from 'sharp';

const LINES = [
  'Caisse d’allocations familiales',
  'Attestation de paiement',
  'Madame Fatima BENALI',
  '12 rue des Lilas, 93200 Saint-Denis',
  'Nous certifions que vous percevez',
  'les prestations suivantes depuis le',
  '1er janvier 2026 : aide au logement,',
  'prime d’activité, allocations familiales.',
  'Montant mensuel total : 612,40 euros.',
  'Fait à Saint-Denis, le 2 décembre 2026.',
];

/**
 * The page as PNG, turned clockwise by `turned` degrees (how it lay on the
 * glass), then tilted clockwise by `tilt` degrees (a hand laying it askew).
 */
export async function textPage(turned: 0 | 90 | 180 | 270 = 0, tilt = 0): Promise<Buffer> {
  const text = LINES.map(
    (line, index) =>
      `<text x="120" y="${200 + index * 60}" font-family="DejaVu Sans" font-size="34">${line}</text>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  const upright = await sharp(Buffer.from(svg)).png().toBuffer();
  const lying = await sharp(upright).rotate(turned).png().toBuffer();
  return tilt === 0 ? lying : sharp(lying).rotate(tilt, { background: '#fff' }).png().toBuffer();
}
