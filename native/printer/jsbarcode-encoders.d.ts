/** jsbarcode's symbology encoders, used without its canvas/SVG renderers. */
declare module 'jsbarcode/bin/barcodes/index.js' {
  interface EncodedPart {
    data: string;
    text?: string;
  }
  interface Encoder {
    valid(): boolean;
    encode(): EncodedPart | EncodedPart[];
  }
  type EncoderClass = new (data: string, options: object) => Encoder;
  const barcodes: Record<string, EncoderClass | undefined>;
  export default barcodes;
}
