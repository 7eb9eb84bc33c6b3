import { api } from '../api/client';
import { unwrap } from '../api/api-error';
import { useLoad } from '../ui/use-load';

/**
 * The names of the keys with these ids (a credential's sharing, a usage report's busiest keys name
 * keys by id); a key that is gone or not readable keeps its id. A handful of ids, one GET each.
 */
export const useKeyNames = (ids: readonly string[], readable: boolean): ReadonlyMap<string, string> => {
  const unique = [...new Set(ids)].sort();
  const names = useLoad(
    async () =>
      new Map(
        readable
          ? await Promise.all(
              unique.map(async (id) => [id, await unwrap(api.GET('/v1/keys/{id}', { params: { path: { id } } })).then((key) => key.name, () => id)] as const),
            )
          : [],
      ),
    `${readable}:${unique.join(',')}`,
  );
  return names.data ?? new Map<string, string>();
};

export const nameOf = (names: ReadonlyMap<string, string>, id: string): string => names.get(id) ?? id;
