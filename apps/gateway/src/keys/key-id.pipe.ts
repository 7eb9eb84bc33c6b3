import { Injectable, type PipeTransform } from '@nestjs/common';
import { ErrorCodes } from '@keyward/contracts';
import { isKeyId } from '@keyward/domain';
import { ApiError } from '../errors/api-error';

export const keyNotFound = (): ApiError => new ApiError(ErrorCodes.keyNotFound, 'no such key');

/** A malformed id names no key: answered as an unknown one, without a lookup. */
@Injectable()
export class KeyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isKeyId(value)) throw keyNotFound();
    return value;
  }
}
