import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { INDEX_SNAPSHOT_FORMAT, type IndexSnapshot } from './index-snapshot';
import { parseIndexSnapshot } from './index-snapshot.parser';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

/** Fast over small: the digests (a third of it) do not compress, and a snapshot is written while serving. */
const GZIP_LEVEL = 1;
/**
 * Output in a few large pieces, which the C allocator hands back to the system once freed: in
 * thousands of 16 KiB pieces (zlib's default) a restored verifier kept about 80 bytes per key of them.
 */
const CHUNK_BYTES = 64 * 2 ** 20;

/** A snapshot as stored: gzipped JSON, compressed off the main thread. */
export const encodeIndexSnapshot = async (snapshot: IndexSnapshot): Promise<Buffer> => {
  const { digests } = snapshot.secrets;
  const wire = { format: INDEX_SNAPSHOT_FORMAT, ...snapshot, secrets: { ...snapshot.secrets, digests: Buffer.from(digests.buffer, digests.byteOffset, digests.byteLength).toString('base64') } };
  return zip(JSON.stringify(wire), { level: GZIP_LEVEL, chunkSize: CHUNK_BYTES });
};

/** Throws (`UnusableSnapshotError` for a wrong shape) on anything that is not a snapshot of this format. */
export const decodeIndexSnapshot = async (stored: Buffer): Promise<IndexSnapshot> => parseIndexSnapshot(JSON.parse((await unzip(stored, { chunkSize: CHUNK_BYTES })).toString('utf8')));
