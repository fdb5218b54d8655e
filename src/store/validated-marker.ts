import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { sha1InSlices } from '../fs/sha1-in-slices.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { storeDataSchema } from '../model/store-data.js';

/**
 * Bump when a check the JSON Schema below cannot see changes (a `.refine`, a regex message):
 * every marker written before then stops matching and the next open validates in full again.
 */
const MARKER_FORMAT = 2;

interface Marker {
  format: number;
  schema: string;
  sha1: string;
  bytes: number;
  /** `entriesDigest` of these bytes, when they are in the layout factdesk writes. */
  entries?: string;
}

/** What is known of bytes that match the note. */
export interface ValidatedBytes {
  /** The digest of their claims and articles (see `entriesDigest`), when noted. */
  entriesDigest?: string;
}

let schemaDigest: string | undefined;

/** Changes whenever the store schema's shape does, so a stricter factdesk re-validates old files. */
function currentSchemaDigest(): string {
  schemaDigest ??= createHash('sha1')
    .update(JSON.stringify(z.toJSONSchema(storeDataSchema, { unrepresentable: 'any', io: 'input' })))
    .digest('hex');
  return schemaDigest;
}

/**
 * A `<store file>.validated` note of the exact bytes factdesk last validated or wrote there (their
 * SHA-1, size and the schema they passed). Bytes that match were valid, and re-validating 100 MB
 * of claims costs a third of a second at every start; any other bytes (a hand edit, a partial
 * copy) are validated in full. The note is content-addressed, so a stale one only fails to match.
 */
export class ValidatedMarker {
  constructor(private readonly storePath: string) {}

  private get file(): string {
    return `${this.storePath}.validated`;
  }

  /**
   * What the note says of these exact bytes when they were recorded as valid under the current
   * schema; else undefined. `sha1` is the bytes' own, when the caller has it (see `readFileHashed`).
   */
  async matching(bytes: Uint8Array, sha1?: string): Promise<ValidatedBytes | undefined> {
    let marker: Partial<Marker>;
    try {
      marker = JSON.parse(await readFile(this.file, 'utf8')) as Partial<Marker>;
    } catch {
      return undefined;
    }
    const matches =
      marker.format === MARKER_FORMAT &&
      marker.bytes === bytes.byteLength &&
      marker.schema === currentSchemaDigest() &&
      marker.sha1 === (sha1 ?? (await sha1InSlices([bytes])));
    if (!matches) return undefined;
    return typeof marker.entries === 'string' ? { entriesDigest: marker.entries } : {};
  }

  /** Records these bytes as valid; atomic (temporary file + rename), so a crash leaves no half note. */
  async record(bytes: Uint8Array, known: ValidatedBytes = {}): Promise<void> {
    const marker: Marker = { format: MARKER_FORMAT, schema: currentSchemaDigest(), sha1: await sha1InSlices([bytes]), bytes: bytes.byteLength };
    if (known.entriesDigest !== undefined) marker.entries = known.entriesDigest;
    await writeAtomically(this.file, `${JSON.stringify(marker)}\n`);
  }
}
