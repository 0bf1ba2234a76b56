/**
 * A recording of a HID reader: the device as node-hid lists it, and its
 * input reports (hex) with their times, plus unplug/replug moments. The
 * simulator replays one through the real decoding path; tests keep them in
 * tests/fixtures/hid.
 */
import { z } from 'zod';

const Hex = z.string().regex(/^([0-9a-f]{2})*$/i, 'bytes in hexadecimal');

export const HidDeviceInfo = z
  .object({
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    usagePage: z.number().int().min(0).max(0xffff),
    usage: z.number().int().min(0).max(0xffff),
    product: z.string().max(120).default(''),
  })
  .strict();
export type HidDeviceInfo = z.infer<typeof HidDeviceInfo>;

export const HidRecording = z
  .object({
    description: z.string().max(500).default(''),
    device: HidDeviceInfo,
    decoder: z.enum(['hid-pos-scanner', 'msr']),
    events: z
      .array(
        z.union([
          z.object({ atMs: z.number().min(0), report: Hex }).strict(),
          z.object({ atMs: z.number().min(0), unplug: z.literal(true) }).strict(),
          z.object({ atMs: z.number().min(0), plug: z.literal(true) }).strict(),
        ]),
      )
      .max(10_000),
  })
  .strict();
export type HidRecording = z.infer<typeof HidRecording>;
