import { BadRequestException } from '@nestjs/common';

export interface CreateCallRequest {
  readonly to: string;
}

/** E.164, e.g. +15550100. */
const PHONE_NUMBER = /^\+[1-9][0-9]{1,14}$/;

/** The body of `POST /calls`, checked; 400 in the guard's error shape otherwise. */
export const parseCreateCall = (body: unknown): CreateCallRequest => {
  const to: unknown = typeof body === 'object' && body !== null ? (body as { to?: unknown }).to : undefined;
  if (typeof to !== 'string' || !PHONE_NUMBER.test(to)) {
    throw new BadRequestException({ statusCode: 400, code: 'VALIDATION_FAILED', message: '"to" must be a phone number in E.164 form, e.g. +15550100' });
  }
  return { to };
};
