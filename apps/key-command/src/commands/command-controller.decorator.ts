import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { CommandExceptionFilter } from './command-exception.filter';

/** A controller of `@CommandEndpoint`s: whatever a handler throws is answered as a `CommandReply`, never left unanswered. */
export const CommandController = (): ClassDecorator => applyDecorators(Controller(), UseFilters(CommandExceptionFilter));
