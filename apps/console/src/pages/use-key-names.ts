import { api } from '../api/client';
import { ApiError, unwrap } from '../api/api-error';
import { useLoad } from '../ui/use-load';

/** A key's name; a deleted key is its id marked so, one not readable its id. */
const nameOfKey = (id: string): Promise<readonly [string, string]> =>
  unwrap(api.GET('/v1/keys/{id}', { params: { path: { id } } })).then(
    (key) => [id, key.name] as const,
    (error: unknown) => [id, error instanceof ApiError && error.status === 404 ? `${id} (deleted)` : id] as const,
  );

/** The names of the keys with these ids (a credential's sharing and a usage report's busiest keys name keys by id): a handful, one GET each. */
export const useKeyNames = (ids: readonly string[], readable: boolean): ReadonlyMap<string, string> => {
  const unique = [...new Set(ids)].sort();
  const names = useLoad(async () => new Map(readable ? await Promise.all(unique.map(nameOfKey)) : []), `${readable}:${unique.join(',')}`);
  return names.data ?? new Map<string, string>();
};

export const nameOf = (names: ReadonlyMap<string, string>, id: string): string => names.get(id) ?? id;
