import type { SharedCountCodec } from '@keyward/consistency';
import type { CreditCount } from './credit-basis';

const FORMAT = /^(\d{1,15})\.(\d{1,16}|-)\.(\d{1,16})$/;

const safe = (n: number): boolean => Number.isSafeInteger(n);

/** `<generation>.<periodStart|->.<spent>` in ASCII, e.g. `3.1764547200000.42` or `1.-.7`: readable with `nats kv get`. */
export const creditCountCodec: SharedCountCodec<CreditCount> = {
  encode: ({ basis, spent }) => Buffer.from(`${basis.generation}.${basis.periodStartMs ?? '-'}.${spent}`, 'ascii'),
  decode: (bytes) => {
    const match = FORMAT.exec(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('ascii'));
    if (!match) return undefined;
    const generation = Number(match[1]);
    const periodStartMs = match[2] === '-' ? null : Number(match[2]);
    const spent = Number(match[3]);
    if (generation < 1 || !safe(spent) || (periodStartMs !== null && !safe(periodStartMs))) return undefined;
    return { basis: { generation, periodStartMs }, spent };
  },
};
