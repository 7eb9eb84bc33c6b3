import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { checkedRequirement, type KeyRequirement } from '../key-requirement';
import { KEY_RULE, type KeyRequirementFn } from './key-rule';
import { KeywardGuard } from './keyward.guard';

/**
 * The route (or every route of the controller; a method's own `@RequireKey` wins) needs a key
 * that satisfies the requirement, a permission query or a list of permissions that must all hold:
 *
 * ```ts
 * @RequireKey()                                          // any valid key
 * @RequireKey('calls:read')
 * @RequireKey(['contacts:write', 'workflows/wf_42:read'])
 * @RequireKey('(contacts:read OR contacts:write) AND calls:read')
 * @RequireKey((req) => `workflows/${req.params.id}:read`) // computed per request, e.g. a share
 * ```
 *
 * A fixed requirement is checked here, so a typo fails at startup rather than on every request.
 * Routes without `@RequireKey` are not guarded.
 */
export const RequireKey = (requirement: KeyRequirement | KeyRequirementFn = []): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(KEY_RULE, typeof requirement === 'function' ? requirement : checkedRequirement(requirement)), UseGuards(KeywardGuard));
