import type { Level } from '../level';

/** A role's permissions as levels per resource (`write` implies `read`), and back as `<resource>:<action>` strings. */
export const levelsOf = (permissions: readonly string[]): Record<string, Level> => {
  const levels: Record<string, Level> = {};
  for (const permission of permissions) {
    const [resource, action] = permission.split(':');
    if (action === 'write' || (action === 'read' && levels[resource] !== 'write')) levels[resource] = action;
  }
  return levels;
};
export const permissionsOf = (levels: Record<string, Level>): string[] =>
  Object.entries(levels)
    .filter(([, level]) => level !== 'none')
    .map(([resource, level]) => `${resource}:${level}`);
