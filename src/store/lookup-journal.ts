import { appendFile, readFile } from 'node:fs/promises';
import { TimeSlices } from '../async/time-slices.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { logger } from '../log/logger.js';
import { lookupRecordSchema, type LookupRecord } from '../model/store-data.js';
import { LOOKUP_RETENTION_DAYS } from './request-data-ops.js';

const RETENTION_MS = LOOKUP_RETENTION_DAYS * 24 * 60 * 60 * 1000;
/** Lines read between looks at the clock. */
const CHECK_EVERY = 256;

/**
 * The lookups of a JSON store, kept beside its file as JSON Lines (`<store file>.lookups.jsonl`)
 * and appended to, so that recording a batch for `factcheck-stats` costs its own few lines. In the
 * store file itself every batch rewrote the whole file: at 100,000 claims that held the process
 * for nearly 3 s, every 30 s while people were looking things up.
 *
 * All records are held in memory (a month of lookups at most). Expired ones are never listed, and
 * the file is rewritten (temporary file + rename) without them once they are the larger part of it.
 * A line cut short by a crash mid-append is dropped with a warning, and the file rewritten without
 * it at the next open, so that later appends start on a line of their own.
 */
export class LookupJournal {
  private constructor(
    private readonly path: string,
    private records: LookupRecord[],
    /** Whether the file holds lines `records` does not (expired, unreadable): a rewrite would drop them. */
    private stale: boolean,
  ) {}

  /**
   * Reads the journal at `path` (none yet: empty), giving way to other work every few
   * milliseconds: a month of a busy bot's lookups (50,000 lines) took 0.2–0.3 s to read and check.
   */
  static async open(path: string): Promise<LookupJournal> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new LookupJournal(path, [], false);
      throw error;
    }
    const records: LookupRecord[] = [];
    let unreadable = 0;
    const lines = text.split('\n');
    // A complete journal ends with a newline; text after the last one is an interrupted append,
    // kept when it is a whole record, and the file rewritten so the next append starts a new line.
    const tail = lines.pop()!;
    if (tail !== '') lines.push(tail);
    const slices = new TimeSlices();
    for (let index = 0; index < lines.length; index++) {
      const record = parseLine(lines[index]!);
      if (record) records.push(record);
      else unreadable += 1;
      if (index % CHECK_EVERY === CHECK_EVERY - 1) await slices.giveWay();
    }
    if (unreadable > 0) logger.warn({ file: path, lines: unreadable }, 'skipped unreadable lines of the lookup journal');
    return new LookupJournal(path, records, unreadable > 0 || tail !== '');
  }

  /** The records made at or after `since`, within the retention period, oldest first. */
  since(since: string, now = Date.now()): LookupRecord[] {
    return this.madeFrom(Math.max(Date.parse(since), now - RETENTION_MS));
  }

  /** Appends validated records; rewrites the file first when it has become mostly expired or damaged. */
  async append(records: readonly LookupRecord[], now = Date.now()): Promise<void> {
    if (records.length === 0) return;
    // Records are appended as they are made, so the expired ones lead: count them from the front.
    const cutoff = now - RETENTION_MS;
    let expired = 0;
    while (expired < this.records.length && Date.parse(this.records[expired]!.at) < cutoff) expired++;
    if (this.stale || expired * 2 > this.records.length) {
      await this.rewrite([...this.madeFrom(cutoff), ...records]);
    } else {
      await appendFile(this.path, lines(records));
      this.records.push(...records);
    }
  }

  /** Rewrites the file with only readable, unexpired records when it holds anything else (at open). */
  async repair(now = Date.now()): Promise<void> {
    const kept = this.madeFrom(now - RETENTION_MS);
    if (this.stale || kept.length < this.records.length) await this.rewrite(kept);
  }

  /** The records made at or after `from` (milliseconds since the epoch). */
  private madeFrom(from: number): LookupRecord[] {
    return this.records.filter((record) => Date.parse(record.at) >= from);
  }

  private async rewrite(records: LookupRecord[]): Promise<void> {
    await writeAtomically(this.path, lines(records));
    this.records = records;
    this.stale = false;
  }
}

function lines(records: readonly LookupRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

function parseLine(line: string): LookupRecord | undefined {
  try {
    const parsed = lookupRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
