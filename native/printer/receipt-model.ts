/**
 * The receipt model: what a template or a site designs, before any printer
 * byte. Validated with zod at the boundary (templates, CLI files, IPC).
 */
import { z } from 'zod';

const Align = z.enum(['left', 'center', 'right']);
const Magnify = z.number().int().min(1).max(8);

export const TextBlock = z
  .object({
    type: z.literal('text'),
    text: z.string().max(2000),
    align: Align.default('left'),
    bold: z.boolean().default(false),
    underline: z.boolean().default(false),
    /** White on black. */
    invert: z.boolean().default(false),
    width: Magnify.default(1),
    height: Magnify.default(1),
  })
  .strict();

export const RuleBlock = z
  .object({ type: z.literal('rule'), style: z.enum(['single', 'double']).default('single') })
  .strict();

/** "label ……… amount" fitted to the paper width. */
export const ColumnsBlock = z
  .object({
    type: z.literal('columns'),
    left: z.string().max(200),
    right: z.string().max(60),
    bold: z.boolean().default(false),
  })
  .strict();

export const BarcodeBlock = z
  .object({
    type: z.literal('barcode'),
    symbology: z.enum(['ean13', 'code128']),
    value: z.string().min(1).max(80),
    height: z.number().int().min(24).max(255).default(60),
    align: Align.default('center'),
  })
  .strict()
  .superRefine((block, context) => {
    if (block.symbology === 'ean13') {
      if (!/^\d{12,13}$/.test(block.value)) {
        context.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'EAN-13 takes 12 or 13 digits',
        });
      } else if (
        block.value.length === 13 &&
        ean13CheckDigit(block.value.slice(0, 12)) !== Number(block.value[12])
      ) {
        context.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'EAN-13 check digit is wrong',
        });
      }
    } else if (!/^[\x20-\x7e]+$/.test(block.value)) {
      context.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'CODE128 takes printable ASCII only',
      });
    }
  });

/** Bytes a QR code (model 2, version 40) holds at each error-correction level. */
export const QR_CAPACITY = { l: 2953, m: 2331, q: 1663, h: 1273 } as const;

export const QrBlock = z
  .object({
    type: z.literal('qrcode'),
    value: z.string().min(1),
    /** Module size in dots. */
    size: z.number().int().min(1).max(8).default(6),
    errorLevel: z.enum(['l', 'm', 'q', 'h']).default('m'),
    align: Align.default('center'),
  })
  .strict()
  .superRefine((block, context) => {
    const bytes = new TextEncoder().encode(block.value).length;
    const limit = QR_CAPACITY[block.errorLevel];
    if (bytes > limit) {
      context.addIssue({
        code: 'custom',
        path: ['value'],
        message: `QR data too long: ${bytes} bytes, at most ${limit} at error level ${block.errorLevel.toUpperCase()}`,
      });
    }
  });

/**
 * A picture from a PNG file (a logo): scaled to `width` dots (at most the
 * paper's printable width, keeping its proportions), flattened on white and
 * dithered to black dots.
 */
export const ImageBlock = z
  .object({
    type: z.literal('image'),
    /** PNG file, relative to the document (or the config file for templates). */
    src: z.string().min(1).max(500),
    width: z.number().int().min(8).max(576).optional(),
    align: Align.default('center'),
    dither: z.enum(['atkinson', 'floydsteinberg', 'threshold']).default('atkinson'),
  })
  .strict();

export const FeedBlock = z
  .object({ type: z.literal('feed'), lines: z.number().int().min(1).max(10).default(1) })
  .strict();
export const CutBlock = z
  .object({ type: z.literal('cut'), mode: z.enum(['full', 'partial']).default('partial') })
  .strict();
/** Cash-drawer kick: ESC p pin on off (times in ms, 2 ms steps). */
export const DrawerBlock = z
  .object({
    type: z.literal('drawer'),
    pin: z.union([z.literal(0), z.literal(1)]).default(0),
    onMs: z.number().int().min(2).max(510).default(100),
    offMs: z.number().int().min(2).max(510).default(500),
  })
  .strict();

export const ReceiptBlock = z.discriminatedUnion('type', [
  TextBlock,
  RuleBlock,
  ColumnsBlock,
  BarcodeBlock,
  QrBlock,
  ImageBlock,
  FeedBlock,
  CutBlock,
  DrawerBlock,
]);
export type ReceiptBlock = z.infer<typeof ReceiptBlock>;
export type ReceiptBlockInput = z.input<typeof ReceiptBlock>;

export const ReceiptDocument = z
  .object({
    blocks: z.array(ReceiptBlock).min(1).max(500),
  })
  .strict();
export type ReceiptDocument = z.infer<typeof ReceiptDocument>;
export type ReceiptDocumentInput = z.input<typeof ReceiptDocument>;

export function ean13CheckDigit(twelveDigits: string): number {
  const sum = [...twelveDigits].reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  return (10 - (sum % 10)) % 10;
}
