/**
 * What every reader parser returns: never an exception, whatever the input.
 * `valid` means every check (check digits, lengths, formats) passed; each
 * field says whether its own checks passed, so a helper can still offer the
 * fields that were read right.
 */
export type DecodeKind = 'mrz' | 'track' | 'barcode' | 'luhn' | 'em4100';

export interface DecodeResult {
  kind: DecodeKind;
  valid: boolean;
  fields: Record<string, string>;
  /** Per field: its check digit or format verified. */
  fieldValidity: Record<string, boolean>;
  errors: string[];
}

/** Collects fields and errors, then says whether all held. */
export class ResultBuilder {
  private readonly fields: Record<string, string> = {};
  private readonly fieldValidity: Record<string, boolean> = {};
  private readonly errors: string[] = [];

  constructor(private readonly kind: DecodeKind) {}

  field(name: string, value: string, valid = true, error?: string): this {
    this.fields[name] = value;
    this.fieldValidity[name] = valid;
    if (!valid && error) this.errors.push(`${name}: ${error}`);
    return this;
  }

  error(message: string): this {
    this.errors.push(message);
    return this;
  }

  result(): DecodeResult {
    return {
      kind: this.kind,
      valid: this.errors.length === 0 && Object.values(this.fieldValidity).every(Boolean),
      fields: this.fields,
      fieldValidity: this.fieldValidity,
      errors: this.errors,
    };
  }
}

/** The four keys `borne decode` prints. */
export function publicResult(result: DecodeResult): Omit<DecodeResult, 'fieldValidity'> {
  return { kind: result.kind, valid: result.valid, fields: result.fields, errors: result.errors };
}
