import { EMBEDDING_SIZE } from './sentence-encoder.js';

/** What `ClaimVectors` holds, for a file: ids, their texts' hashes, and the vectors end to end. */
export interface ClaimVectorsState {
  ids: string[];
  textHashes: number[];
  /** `ids.length × EMBEDDING_SIZE` signed bytes. */
  vectors: Int8Array;
}

/**
 * The embedding of each indexed claim, by id, with a hash of the text it was made from. Queuing a
 * claim whose text changed drops its old vector (see SemanticLayer.embedMissing), so a vector found
 * here is always of the claim as it reads now, and a lookup need not read the claim's text to know.
 * Stored as signed bytes (a unit vector's components times 127): 512 bytes a claim instead of 2 KB,
 * and cosines within about 0.004 of the exact ones.
 */
export class ClaimVectors {
  private readonly byId = new Map<string, { textHash: number; vector: Int8Array }>();

  get size(): number {
    return this.byId.size;
  }

  set(id: string, text: string, embedding: Float32Array): void {
    const vector = new Int8Array(EMBEDDING_SIZE);
    for (let i = 0; i < EMBEDDING_SIZE; i++) vector[i] = Math.round(embedding[i]! * 127);
    this.byId.set(id, { textHash: textHash(text), vector });
  }

  has(id: string, text: string): boolean {
    return this.byId.get(id)?.textHash === textHash(text);
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  /** Cosine of the query's embedding and the claim's; undefined when the claim has none. */
  similarity(query: Float32Array, id: string): number | undefined {
    const vector = this.byId.get(id)?.vector;
    if (!vector) return undefined;
    let dot = 0;
    for (let i = 0; i < EMBEDDING_SIZE; i++) dot += query[i]! * vector[i]!;
    return dot / 127;
  }

  exportState(): ClaimVectorsState {
    const ids = [...this.byId.keys()];
    const vectors = new Int8Array(ids.length * EMBEDDING_SIZE);
    const textHashes = ids.map((id, i) => {
      const stored = this.byId.get(id)!;
      vectors.set(stored.vector, i * EMBEDDING_SIZE);
      return stored.textHash;
    });
    return { ids, textHashes, vectors };
  }

  /** Adds the vectors of a saved state (views on its bytes, not copies). */
  restore(state: ClaimVectorsState): void {
    state.ids.forEach((id, i) => this.byId.set(id, { textHash: state.textHashes[i]!, vector: state.vectors.subarray(i * EMBEDDING_SIZE, (i + 1) * EMBEDDING_SIZE) }));
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
