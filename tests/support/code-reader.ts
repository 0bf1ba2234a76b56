/**
 * Reads the QR codes and barcodes of a receipt preview the way a phone or a
 * shop scanner would (jsQR for QR codes, ZXing's 1D readers for barcodes):
 * proof that what the printer draws scans.
 */
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatOneDReader,
  RGBLuminanceSource,
} from '@zxing/library';
import jsQR from 'jsqr';
import type { Bitmap } from '../../native/printer/receipt-preview.js';

export interface ReadCode {
  format: string;
  text: string;
}

const QUIET_ZONE = 40;

/** Decodes the one code in a preview bitmap, or null. */
export function readCode(bitmap: Bitmap): ReadCode | null {
  const width = bitmap.width + QUIET_ZONE * 2;
  const height = bitmap.height + QUIET_ZONE * 2;
  const luminance = new Uint8ClampedArray(width * height).fill(255);
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < bitmap.height; y += 1) {
    for (let x = 0; x < bitmap.width; x += 1) {
      if (!bitmap.ink[y * bitmap.width + x]) continue;
      const index = (y + QUIET_ZONE) * width + x + QUIET_ZONE;
      luminance[index] = 0;
      rgba.fill(0, index * 4, index * 4 + 3);
    }
  }
  const qr = jsQR(rgba, width, height);
  if (qr) return { format: 'QR_CODE', text: qr.data };

  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.EAN_13, BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  try {
    const result = new MultiFormatOneDReader(hints).decode(
      new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height))),
      hints,
    );
    return { format: BarcodeFormat[result.getBarcodeFormat()], text: result.getText() };
  } catch {
    return null;
  }
}
