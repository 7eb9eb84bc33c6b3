import { SetMetadata } from '@nestjs/common';

export const ROOT_ONLY = 'keyward:root-only';

/** Operator routes (workspaces, plans): the root key only; any other valid key gets 403. */
export const RootOnly = (): MethodDecorator & ClassDecorator => SetMetadata(ROOT_ONLY, true);
