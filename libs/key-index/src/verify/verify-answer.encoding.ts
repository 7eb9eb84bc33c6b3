import type { VerifyAnswer } from '@keyward/contracts';

/** The bytes of answers given again and again, made once: by object, so that a changed key never finds them. */
const encoded = new WeakMap<VerifyAnswer, Uint8Array>();

const encode = (answer: VerifyAnswer): Uint8Array => Buffer.from(JSON.stringify(answer));

/**
 * Freezes an answer that will be given many times and encodes it now, so that each time it is
 * given costs no JSON and no allocation. Its bytes are shared: nobody may change them.
 */
export const encodedOnce = <Answer extends VerifyAnswer>(answer: Answer): Readonly<Answer> => {
  const frozen = Object.freeze(answer);
  encoded.set(frozen, encode(frozen));
  return frozen;
};

/** The answer's JSON bytes, exactly `JSON.stringify(answer)`: made once for `encodedOnce` answers, else now. */
export const encodeVerifyAnswer = (answer: VerifyAnswer): Uint8Array => encoded.get(answer) ?? encode(answer);
