import { Injectable, type PipeTransform, type Type } from '@nestjs/common';
import type { ApiError } from '../errors/api-error';

/** A pipe for a path id: a malformed one names nothing, so it is answered as an unknown one, without a lookup. */
export const idPipe = (isId: (value: string) => boolean, notFound: () => ApiError): Type<PipeTransform<string, string>> => {
  @Injectable()
  class IdPipe implements PipeTransform<string, string> {
    transform(value: string): string {
      if (!isId(value)) throw notFound();
      return value;
    }
  }
  return IdPipe;
};
