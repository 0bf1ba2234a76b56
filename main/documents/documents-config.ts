/**
 * The documents part of the kiosk configuration: the scanner, the office
 * printer (A4, through CUPS) and the limits of one visit.
 */
import { z } from 'zod';

export const DocumentsSection = z
  .object({
    scanner: z
      .object({
        /** SANE device name (`scanimage -L`); absent: the first scanner found. */
        device: z.string().min(1).max(200).optional(),
        dpi: z.number().int().min(75).max(600).default(150),
        /** Backend options passed as they are, e.g. ["--source", "ADF"]. */
        options: z.array(z.string().max(100)).max(20).default([]),
        /**
         * Pages are turned upright from their text (Tesseract) and straightened when
         * laid a little askew; "Tourner" still corrects them.
         */
        autoRotate: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    officePrinter: z
      .object({
        /** The CUPS queue of the site's A4 printer; absent: no A4 printing. */
        queue: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,127}$/, 'a CUPS queue name (letters, digits, - and _)')
          .optional(),
        /** host:port of the CUPS scheduler; absent: this machine's. */
        server: z
          .string()
          .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'host:port, e.g. 127.0.0.1:631')
          .optional(),
      })
      .strict()
      .prefault({}),
    /** A4 pages one visitor may print. */
    pagesPerVisit: z.number().int().min(1).max(500).default(20),
    /** Largest scanned PDF, in MB: most procedure sites refuse files over 2 MB. */
    scanMaxMegabytes: z.number().min(0.5).max(20).default(2),
  })
  .strict();
export type DocumentsSection = z.infer<typeof DocumentsSection>;
