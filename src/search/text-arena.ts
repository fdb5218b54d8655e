import { grown, joinedPieces, mergedViews, type Pieces } from './typed-arrays.js';

/** The texts of slots 0..n-1 in one buffer: slot i's bytes at `start[i]`, `length[i]` of them (-1: no text). */
export interface PackedTexts {
  /** As exported, views on the arena's chunks (`Pieces`); as read from a snapshot, one buffer. */
  bytes: Pieces<Uint8Array>;
  start: Int32Array;
  length: Int32Array;
}

const MAX_CHUNK = 1 << 23;
const MIN_CHUNK = 1 << 12;
/** Rewrite the texts once this share of the bytes belongs to replaced or removed ones. */
const STALE_SHARE_TO_COMPACT = 0.25;

/**
 * Short texts by slot, stored as UTF-8 in chunks of memory outside the JavaScript heap: a million
 * claims' texts as strings would be a million heap objects for the garbage collector to trace and
 * room for as many again in the heap's slack. Chunks are filled and never copied (a text never
 * spans two), so a large build holds no second copy at any moment. Reading a text back decodes
 * it (well under a microsecond for a claim), which a lookup does for a few dozen candidates.
 */
export class TextArena {
  private chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  private total = 0;
  /** Bytes of texts that were replaced or removed, reclaimed by `compact`. */
  private stale = 0;
  private chunkOf = new Uint16Array(16);
  private startOf = new Int32Array(16);
  /** Bytes of the slot's text; -1 for no text. */
  private lengthOf = new Int32Array(16).fill(-1);

  /** Sets the text of a slot (undefined for none), replacing what it had. */
  set(slot: number, text: string | undefined): void {
    this.ensureSlots(slot + 1);
    this.drop(slot);
    if (text === undefined) return;
    const length = Buffer.byteLength(text);
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || this.used + length > chunk.length) {
      chunk = Buffer.allocUnsafe(Math.max(length, Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, this.total))));
      this.chunks.push(chunk);
      this.used = 0;
    }
    chunk.write(text, this.used, 'utf8');
    this.chunkOf[slot] = this.chunks.length - 1;
    this.startOf[slot] = this.used;
    this.lengthOf[slot] = length;
    this.used += length;
    this.total += length;
  }

  /**
   * The texts of the first `slots` slots end to end, for a snapshot: views on the chunks, not a
   * copy (written texts never change; a replaced one is left as stale room).
   */
  packed(slots: number): PackedTexts {
    const start = new Int32Array(slots);
    const length = new Int32Array(slots).fill(-1);
    let at = 0;
    for (let slot = 0; slot < slots && slot < this.lengthOf.length; slot++) {
      const size = this.lengthOf[slot]!;
      if (size < 0) continue;
      start[slot] = at;
      length[slot] = size;
      at += size;
    }
    const runs = function* (arena: TextArena) {
      for (let slot = 0; slot < slots && slot < arena.lengthOf.length; slot++) {
        yield { chunk: arena.chunkOf[slot]!, start: arena.startOf[slot]!, length: arena.lengthOf[slot]! };
      }
    };
    return { bytes: mergedViews(this.chunks, runs(this)), start, length };
  }

  /** An arena over packed texts, reading them where they lie (no copy); throws when they do not fit together. */
  static fromPacked({ bytes: pieces, start, length }: PackedTexts): TextArena {
    const bytes = joinedPieces(pieces, Uint8Array);
    if (start.length !== length.length) throw new Error('packed texts: start and length differ in count');
    const arena = new TextArena();
    arena.ensureSlots(start.length);
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    arena.chunks.push(chunk);
    arena.used = chunk.length;
    arena.total = chunk.length;
    for (let slot = 0; slot < start.length; slot++) {
      const size = length[slot]!;
      if (size < 0) continue;
      if (start[slot]! < 0 || start[slot]! + size > chunk.length) throw new Error('packed texts: a text lies outside the bytes');
      arena.chunkOf[slot] = 0;
      arena.startOf[slot] = start[slot]!;
      arena.lengthOf[slot] = size;
    }
    return arena;
  }

  get(slot: number): string | undefined {
    const length = slot < this.lengthOf.length ? this.lengthOf[slot]! : -1;
    if (length < 0) return undefined;
    const start = this.startOf[slot]!;
    return this.chunks[this.chunkOf[slot]!]!.toString('utf8', start, start + length);
  }

  /** Moves slot `from`'s text to slot `to` (renumbering keeps order, so `to` ≤ `from`). */
  move(from: number, to: number): void {
    if (from === to) return;
    this.ensureSlots(Math.max(from, to) + 1);
    this.drop(to);
    this.chunkOf[to] = this.chunkOf[from]!;
    this.startOf[to] = this.startOf[from]!;
    this.lengthOf[to] = this.lengthOf[from]!;
    this.lengthOf[from] = -1;
  }

  /** Keeps slots below `count` only; rewrites the texts when enough bytes are no longer referred to. */
  truncate(count: number): void {
    for (let slot = count; slot < this.lengthOf.length; slot++) this.drop(slot);
    this.compactIfWasteful();
  }

  /** Rewrites the texts without the bytes of replaced and removed ones, when they are a large share. */
  compactIfWasteful(): void {
    if (this.stale <= this.total * STALE_SHARE_TO_COMPACT) return;
    const old = { chunks: this.chunks, chunkOf: this.chunkOf, startOf: this.startOf, lengthOf: this.lengthOf };
    this.chunks = [];
    this.used = 0;
    this.total = 0;
    this.stale = 0;
    this.chunkOf = new Uint16Array(old.lengthOf.length);
    this.startOf = new Int32Array(old.lengthOf.length);
    this.lengthOf = new Int32Array(old.lengthOf.length).fill(-1);
    for (let slot = 0; slot < old.lengthOf.length; slot++) {
      const length = old.lengthOf[slot]!;
      if (length < 0) continue;
      const start = old.startOf[slot]!;
      this.set(slot, old.chunks[old.chunkOf[slot]!]!.toString('utf8', start, start + length));
    }
  }

  private drop(slot: number): void {
    const length = this.lengthOf[slot]!;
    if (length < 0) return;
    this.stale += length;
    this.lengthOf[slot] = -1;
  }

  private ensureSlots(count: number): void {
    if (count <= this.lengthOf.length) return;
    const capacity = Math.max(count, this.lengthOf.length * 2);
    const known = this.lengthOf.length;
    this.chunkOf = grown(this.chunkOf, capacity, Uint16Array);
    this.startOf = grown(this.startOf, capacity, Int32Array);
    this.lengthOf = grown(this.lengthOf, capacity, Int32Array).fill(-1, known);
  }
}
