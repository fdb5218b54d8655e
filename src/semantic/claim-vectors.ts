import { grown, joinedPieces } from '../search/typed-arrays.js';
import { EMBEDDING_SIZE } from './sentence-encoder.js';

/** What `ClaimVectors` holds, for a file: ids, their texts' hashes, and the vectors end to end. */
export interface ClaimVectorsState {
  ids: string[];
  textHashes: number[];
  /** Per vector, what its bytes were multiplied by (127 over its largest component). */
  scales: number[];
  /** The ids' vectors end to end, `ids.length × EMBEDDING_SIZE` signed bytes, in one or more pieces. */
  vectors: readonly Int8Array[];
}

/** Vectors per chunk of storage: 512 KB, so growing never copies what is stored. */
const CHUNK = 1024;

/**
 * The embedding of each indexed claim, by id, with a hash of the text it was made from. Queuing a
 * claim whose text changed drops its old vector (see SemanticLayer.embedMissing), so a vector found
 * here is always of the claim as it reads now, and a lookup need not read the claim's text to know.
 * Stored as signed bytes, each vector scaled so its largest component is ±127, in chunks of a
 * thousand: 512 bytes a claim instead of 2 KB, no object per claim for the collector to trace, and
 * cosines within about 0.002 of the exact ones. A deleted claim's place is reused.
 */
export class ClaimVectors {
  /** id → place (chunk × CHUNK + row). */
  private readonly placeById = new Map<string, number>();
  private readonly chunks: Int8Array[] = [];
  /**
   * Per chunk, true while an exported state or a restored file may still read its memory: it is
   * copied before it is next written (copy on write). A state is then views, not a copy, because
   * a fresh 51 MB copy held the event loop for 0.15 s on this machine, mostly in page faults.
   */
  private shared: boolean[] = [];
  private textHashes = new Float64Array(CHUNK);
  private scales = new Float64Array(CHUNK);
  private readonly freePlaces: number[] = [];
  private places = 0;
  /** Replaced whenever a place is freed: places read under an older token may now be another claim's. */
  private placesToken = {};

  get size(): number {
    return this.placeById.size;
  }

  set(id: string, text: string, embedding: Float32Array): void {
    const place = this.placeFor(id);
    const vector = this.writableVectorAt(place);
    let largest = 0;
    for (let i = 0; i < EMBEDDING_SIZE; i++) largest = Math.max(largest, Math.abs(embedding[i]!));
    const scale = largest > 0 ? 127 / largest : 1;
    for (let i = 0; i < EMBEDDING_SIZE; i++) vector[i] = Math.round(embedding[i]! * scale);
    this.textHashes[place] = textHash(text);
    this.scales[place] = scale;
  }

  has(id: string, text: string): boolean {
    const place = this.placeById.get(id);
    return place !== undefined && this.textHashes[place] === textHash(text);
  }

  delete(id: string): void {
    const place = this.placeById.get(id);
    if (place === undefined) return;
    this.placeById.delete(id);
    this.freePlaces.push(place);
    this.placesToken = {};
  }

  /** The same object until a place is freed (see `placeOf`). */
  get token(): object {
    return this.placesToken;
  }

  /** Where the claim's vector is kept, or -1 when it has none: the claim's until `token` changes. */
  placeOf(id: string): number {
    return this.placeById.get(id) ?? -1;
  }

  /** Cosine of the query's embedding and the claim's; undefined when the claim has none. */
  similarity(query: Float32Array, id: string): number | undefined {
    const place = this.placeById.get(id);
    return place === undefined ? undefined : this.similarityAt(query, place);
  }

  /** Cosine of the query's embedding and the vector at a place `placeOf` gave. */
  similarityAt(query: Float32Array, place: number): number {
    const vector = this.chunks[Math.floor(place / CHUNK)]!;
    const offset = (place % CHUNK) * EMBEDDING_SIZE;
    // Four running sums: the additions no longer wait on one another (about twice as fast; 50 of these run per lookup).
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = 0; i < EMBEDDING_SIZE; i += 4) {
      const at = offset + i;
      a += query[i]! * vector[at]!;
      b += query[i + 1]! * vector[at + 1]!;
      c += query[i + 2]! * vector[at + 2]!;
      d += query[i + 3]! * vector[at + 3]!;
    }
    return (a + b + c + d) / this.scales[place]!;
  }

  /** The vectors as they are now, read from the chunks in place (which are copied before they next change). */
  exportState(): ClaimVectorsState {
    const ids: string[] = [];
    const places: number[] = [];
    for (const [id, place] of this.placeById) {
      ids.push(id);
      places.push(place);
    }
    const vectors: Int8Array[] = [];
    forEachRun(places, (_, place, count) => vectors.push(this.vectorsAt(place, count)));
    this.shared.fill(true);
    return { ids, textHashes: places.map((place) => this.textHashes[place]!), scales: places.map((place) => this.scales[place]!), vectors };
  }

  /** Adds the vectors of a saved state. Restored into empty vectors, whole chunks are the state's memory, not copies. */
  restore(state: ClaimVectorsState): void {
    const adopt = this.places === 0 && this.chunks.length === 0;
    const places = state.ids.map((id) => this.placeFor(id));
    // A file is read as one piece, used as it is; an exported state comes as runs, joined here.
    const source = joinedPieces(state.vectors, Int8Array);
    forEachRun(places, (index, place, count) => {
      const bytes = source.subarray(index * EMBEDDING_SIZE, (index + count) * EMBEDDING_SIZE);
      const chunk = Math.floor(place / CHUNK);
      if (adopt && place % CHUNK === 0 && count === CHUNK) {
        this.chunks[chunk] = bytes;
        this.shared[chunk] = true;
      } else {
        this.writableVectorsAt(place, count).set(bytes);
      }
    });
    places.forEach((place, i) => {
      this.textHashes[place] = state.textHashes[i]!;
      this.scales[place] = state.scales[i]!;
    });
  }

  private placeFor(id: string): number {
    let place = this.placeById.get(id);
    if (place !== undefined) return place;
    place = this.freePlaces.pop() ?? this.places++;
    if (place >= this.chunks.length * CHUNK) {
      this.chunks.push(new Int8Array(CHUNK * EMBEDDING_SIZE));
      this.shared.push(false);
    }
    if (place >= this.textHashes.length) {
      this.textHashes = grown(this.textHashes, this.textHashes.length * 2, Float64Array);
      this.scales = grown(this.scales, this.scales.length * 2, Float64Array);
    }
    this.placeById.set(id, place);
    return place;
  }

  private writableVectorAt(place: number): Int8Array {
    return this.writableVectorsAt(place, 1);
  }

  private writableVectorsAt(place: number, count: number): Int8Array {
    const chunk = Math.floor(place / CHUNK);
    if (this.shared[chunk]) {
      const copy = new Int8Array(CHUNK * EMBEDDING_SIZE);
      copy.set(this.chunks[chunk]!);
      this.chunks[chunk] = copy;
      this.shared[chunk] = false;
    }
    return this.vectorsAt(place, count);
  }

  /** The vectors of `count` consecutive places of one chunk, as one view. */
  private vectorsAt(place: number, count: number): Int8Array {
    const offset = (place % CHUNK) * EMBEDDING_SIZE;
    return this.chunks[Math.floor(place / CHUNK)]!.subarray(offset, offset + count * EMBEDDING_SIZE);
  }
}

/**
 * Calls `copy` once per run of consecutive places within one chunk: `index` is the run's first
 * position in `places`. Claims are mostly embedded in order and seldom deleted, so a hundred
 * thousand vectors are about a hundred runs.
 */
function forEachRun(places: readonly number[], copy: (index: number, place: number, count: number) => void): void {
  let start = 0;
  while (start < places.length) {
    const first = places[start]!;
    const chunkEnd = (Math.floor(first / CHUNK) + 1) * CHUNK;
    let end = start + 1;
    while (end < places.length && places[end] === first + (end - start) && places[end]! < chunkEnd) end++;
    copy(start, first, end - start);
    start = end;
  }
}

/**
 * A 53-bit hash of a text (cyrb53, public domain): a changed claim is told from an unchanged one
 * without keeping its text, and it fits a JavaScript number exactly, so it survives JSON.
 */
export function textHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
