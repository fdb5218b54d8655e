import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeAtomically } from '../fs/write-atomically.js';
import { storeDataSchema } from '../model/store-data.js';

/**
 * Bump when a check the JSON Schema below cannot see changes (a `.refine`, a regex message):
 * every marker written before then stops matching and the next open validates in full again.
 */
const MARKER_FORMAT = 1;

interface Marker {
  format: number;
  schema: string;
  sha1: string;
  bytes: number;
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

  /** Whether these exact bytes were recorded as valid under the current schema. */
  async matches(bytes: Uint8Array): Promise<boolean> {
    let marker: Partial<Marker>;
    try {
      marker = JSON.parse(await readFile(this.file, 'utf8')) as Partial<Marker>;
    } catch {
      return false;
    }
    return (
      marker.format === MARKER_FORMAT &&
      marker.bytes === bytes.byteLength &&
      marker.schema === currentSchemaDigest() &&
      marker.sha1 === sha1(bytes)
    );
  }

  /** Records these bytes as valid; atomic (temporary file + rename), so a crash leaves no half note. */
  async record(bytes: Uint8Array): Promise<void> {
    const marker: Marker = { format: MARKER_FORMAT, schema: currentSchemaDigest(), sha1: sha1(bytes), bytes: bytes.byteLength };
    await writeAtomically(this.file, `${JSON.stringify(marker)}\n`);
  }
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
