import { ErrorCodes, type ErrorBody, type ErrorCode } from '@keyward/contracts';
import { CliError } from '../cli.error';

/** A request the gateway answered with an error of section 7; `code` lets a command tell one refusal from another. */
export class GatewayRefusal extends CliError {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = 'GatewayRefusal';
  }
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string' && typeof (value as ErrorBody).message === 'string';

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * A refused request as one line (product.md section 7 errors: code, message, per-field details);
 * 503 is "retry", with its own exit code. Only the gateway's words: it never echoes a secret.
 */
export const gatewayError = (status: number, text: string): CliError => {
  const body = parsed(text);
  const known = isErrorBody(body) ? body : undefined;
  if (status === 503 || known?.code === ErrorCodes.unavailable) return CliError.unavailable(known?.message ?? `the gateway answered ${status}`);
  if (!known) return new CliError(`the gateway answered ${status}`);
  const details = known.details?.map((d) => `${d.field}: ${d.message}`).join('; ');
  return new GatewayRefusal(`${known.code}: ${known.message}${details ? ` (${details})` : ''}`, known.code);
};
