/** Shared types of the redaction engine (re-exported by index.ts). */

export type SensitiveKind = 'card' | 'cvv' | 'ssn' | 'otp' | 'password';

/** One removed secret: UTF-16 offsets into the input. */
export interface Finding {
  kind: SensitiveKind;
  start: number;
  end: number;
}

declare const redactedBrand: unique symbol;

/**
 * A string that went through the redaction engine. Only `src/redaction/index.ts` creates
 * values of this type (there is no exported constructor); the transport accepts only these.
 * It is a plain string at run time and assignable to `string`.
 */
export type RedactedText = string & { readonly [redactedBrand]: true };

export interface RedactionResult {
  /** What may be sent. Equal to the input exactly when `findings` is empty. */
  text: RedactedText;
  findings: Finding[];
}
