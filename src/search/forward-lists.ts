import { grown, joinedPieces, mergedViews, type Pieces } from './typed-arrays.js';

/** Term ids per chunk at most (16 MB): large enough that a chunk ends rarely, small enough that its spare room is. */
const MAX_CHUNK = 1 << 22;
const MIN_CHUNK = 1 << 10;

/**
 * Each document's distinct term ids, by slot, in chunks that are filled and never copied: a
 * single array grown by copying would, in a build of a million documents, hold its old and new
 * copy at once (several hundred MB) and keep up to half its size as spare room. A document's list
 * never spans two chunks, so it is always one contiguous view.
 */
export class ForwardLists {
  private chunks: Int32Array<ArrayBufferLike>[] = [];
  /** Term ids used in the last chunk. */
  private used = 0;
  private total = 0;
  private chunkOf = new Uint16Array(16);
  private startOf: Int32Array<ArrayBufferLike> = new Int32Array(16);
  private lengthOf: Int32Array<ArrayBufferLike> = new Int32Array(16);

  /** Sets the term ids of a slot (the first `count` of `terms`); its old list, if any, is left as unused room. */
  set(slot: number, terms: ArrayLike<number>, count: number): void {
    this.ensureSlots(slot + 1);
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || this.used + count > chunk.length) {
      // Chunks grow with the lists (a small store keeps small chunks) up to MAX_CHUNK.
      chunk = new Int32Array(Math.max(count, Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, this.total))));
      this.chunks.push(chunk);
      this.used = 0;
    }
    for (let i = 0; i < count; i++) chunk[this.used + i] = terms[i]!;
    this.chunkOf[slot] = this.chunks.length - 1;
    this.startOf[slot] = this.used;
    this.lengthOf[slot] = count;
    this.used += count;
    this.total += count;
  }

  /** The slot's term ids (a view: valid until the next change). */
  at(slot: number): Int32Array<ArrayBufferLike> {
    const length = slot < this.lengthOf.length ? this.lengthOf[slot]! : 0;
    if (length === 0) return EMPTY;
    const start = this.startOf[slot]!;
    return this.chunks[this.chunkOf[slot]!]!.subarray(start, start + length);
  }

  clear(slot: number): void {
    if (slot < this.lengthOf.length) this.lengthOf[slot] = 0;
  }

  /** Renumbers slots (old → new, -1 for dropped; order kept) into fresh chunks without unused room. */
  renumber(newSlot: Int32Array): void {
    const old = { chunks: this.chunks, chunkOf: this.chunkOf, startOf: this.startOf, lengthOf: this.lengthOf };
    this.chunks = [];
    this.used = 0;
    this.total = 0;
    this.chunkOf = new Uint16Array(16);
    this.startOf = new Int32Array(16);
    this.lengthOf = new Int32Array(16);
    for (let slot = 0; slot < newSlot.length; slot++) {
      const target = newSlot[slot]!;
      const length = slot < old.lengthOf.length ? old.lengthOf[slot]! : 0;
      if (target < 0) continue;
      const start = old.startOf[slot]!;
      const terms = length === 0 ? EMPTY : old.chunks[old.chunkOf[slot]!]!.subarray(start, start + length);
      this.set(target, terms, length);
    }
  }

  /**
   * The lists of slots 0..slots-1 end to end, with each slot's start and length: the snapshot's
   * form. The lists come as views on the chunks (`Pieces`), not a copy: written lists never change.
   */
  exportState(slots: number): { docStart: Int32Array; docLength: Int32Array; forward: Int32Array[] } {
    const docStart = new Int32Array(slots);
    const docLength = new Int32Array(slots);
    let at = 0;
    for (let slot = 0; slot < slots; slot++) {
      const length = slot < this.lengthOf.length ? this.lengthOf[slot]! : 0;
      docStart[slot] = at;
      docLength[slot] = length;
      at += length;
    }
    const runs = function* (lists: ForwardLists) {
      for (let slot = 0; slot < slots; slot++) {
        yield { chunk: lists.chunkOf[slot]!, start: lists.startOf[slot]!, length: docLength[slot]! };
      }
    };
    return { docStart, docLength, forward: mergedViews(this.chunks, runs(this)) };
  }

  /** Lists restored from `exportState`'s form; later lists go to new chunks. */
  static fromState(docStart: Int32Array, docLength: Int32Array, pieces: Pieces<Int32Array>): ForwardLists {
    const forward = joinedPieces(pieces, Int32Array);
    const lists = new ForwardLists();
    lists.chunks = [forward];
    lists.used = forward.length;
    lists.total = forward.length;
    lists.chunkOf = new Uint16Array(docStart.length);
    lists.startOf = docStart;
    lists.lengthOf = docLength;
    return lists;
  }

  private ensureSlots(count: number): void {
    if (count <= this.lengthOf.length) return;
    const capacity = Math.max(count, this.lengthOf.length * 2);
    this.chunkOf = grown(this.chunkOf, capacity, Uint16Array);
    this.startOf = grown(this.startOf, capacity, Int32Array);
    this.lengthOf = grown(this.lengthOf, capacity, Int32Array);
  }
}

const EMPTY = new Int32Array(0);
