/**
 * The KMS-style port that protects data keys: a data key never rests unwrapped. The local adapter
 * wraps with a master key from configuration; a cloud KMS adapter implements the same two calls.
 */
export interface KeyWrapper {
  /** Names the wrapping key, stored beside each wrapped data key (for rotation and audits). */
  readonly keyId: string;
  wrap(dataKey: Buffer, subjectId: string): Promise<string>;
  /** Throws KeyUnwrapFailed when the wrapped key was not made by this wrapper (wrong master key). */
  unwrap(wrapped: string, subjectId: string): Promise<Buffer>;
}

/** The wrapped data key cannot be opened with this wrapper's key: configuration points at another master key. */
export class KeyUnwrapFailed extends Error {
  override readonly name = 'KeyUnwrapFailed';
  constructor(readonly subjectId: string) {
    super(`The data key of ${subjectId} cannot be unwrapped with the configured master key`);
  }
}
