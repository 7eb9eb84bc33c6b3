import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

/** A controller of the admin API: under `path`, grouped by `tag` in the document, called with a bearer key. */
export const AdminController = (tag: string, path: string): ClassDecorator => applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller(path));
