/**
 * SentencePiece (unigram) tokenization for the sentence encoder, as the encoder's own TensorFlow.js
 * port does it, down to its quirks, so that the ids are those the weights were used with: NFKC,
 * "▁" for spaces and at the start, the most probable split by dynamic programming over a trie of
 * the pieces, a character no piece starts with as the unknown id 0, and runs of unknowns as one.
 */
const SPACE = '\u2581';
/** Ids 0–5 are `<unk>`, `<s>`, `</s>` and reserved pieces, never produced by a split. */
const RESERVED = 6;

interface TrieNode {
  /** Children by code point. */
  children: Map<number, TrieNode>;
  /** Set when a piece ends here: its id, log probability and length in code points. */
  id: number;
  score: number;
  length: number;
}

const trieNode = (): TrieNode => ({ children: new Map(), id: -1, score: 0, length: 0 });

/** The trie's root, node 0 of the flat arrays. */
const ROOT = 0;

export class SentencePieces {
  private readonly lengths: Int32Array;
  // The trie of the pieces, flattened into typed arrays (node n's children are childCode/childNode
  // [childStart[n], childStart[n + 1]), by code point): a split reads some hundred nodes, which stay
  // in the caches this way, where a map per node was scattered over the heap (in a lookup, after the
  // index's work, a split took 80 µs that way and 20 µs alone).
  private readonly childStart: Int32Array;
  private readonly childCode: Int32Array;
  private readonly childNode: Int32Array;
  /** Per node, the piece ending there (-1: none), its log probability and length in code points. */
  private readonly pieceId: Int32Array;
  private readonly pieceScore: Float64Array;
  private readonly pieceLength: Int32Array;

  constructor(vocabulary: readonly (readonly [string, number])[]) {
    this.lengths = new Int32Array(vocabulary.length);
    const root = trieNode();
    let nodeCount = 1;
    vocabulary.forEach(([piece, score], id) => {
      // The port steps back over a chosen piece by its UTF-16 length (not its code points); kept for the same ids.
      this.lengths[id] = piece.length;
      if (id < RESERVED) return;
      let node = root;
      let length = 0;
      for (const symbol of piece) {
        const code = symbol.codePointAt(0)!;
        let child = node.children.get(code);
        if (!child) {
          node.children.set(code, (child = trieNode()));
          nodeCount += 1;
        }
        node = child;
        length += 1;
      }
      Object.assign(node, { id, score, length });
    });
    this.childStart = new Int32Array(nodeCount + 1);
    this.childCode = new Int32Array(nodeCount - 1);
    this.childNode = new Int32Array(nodeCount - 1);
    this.pieceId = new Int32Array(nodeCount);
    this.pieceScore = new Float64Array(nodeCount);
    this.pieceLength = new Int32Array(nodeCount);
    // Breadth first: a node's children get consecutive numbers, and their edges consecutive places.
    const queue: TrieNode[] = [root];
    let edges = 0;
    for (let n = 0; n < queue.length; n++) {
      const node = queue[n]!;
      this.pieceId[n] = node.id;
      this.pieceScore[n] = node.score;
      this.pieceLength[n] = node.length;
      this.childStart[n] = edges;
      for (const [code, child] of [...node.children].sort((a, b) => a[0] - b[0])) {
        this.childCode[edges] = code;
        this.childNode[edges] = queue.length;
        queue.push(child);
        edges += 1;
      }
    }
    this.childStart[nodeCount] = edges;
  }

  encode(text: string): number[] {
    const normalized = text.normalize('NFKC');
    if (normalized.length === 0) return [];
    const symbols = codePoints(SPACE + normalized.replace(/ /gu, SPACE));
    const count = symbols.length;
    // best[end]: score of the best split of symbols[0, end); 0 means "none yet", as in the port
    // (which also reads it as 0 from an end no split reaches). Splits are extended forward, start
    // by start: each end then sees its candidates in the port's order (by start, the last of equal
    // scores winning), and best[start] is final when its pieces are tried.
    const best = new Float64Array(count + 1);
    const chosen = new Int32Array(count + 1);
    const extend = (end: number, id: number, score: number) => {
      if (best[end] === 0 || score >= best[end]!) {
        best[end] = score;
        chosen[end] = id;
      }
    };
    for (let start = 0; start < count; start++) {
      let node = this.child(ROOT, symbols[start]!);
      let found = false;
      for (let i = start; node >= 0; ) {
        const id = this.pieceId[node]!;
        if (id >= 0) {
          extend(start + this.pieceLength[node]!, id, this.pieceScore[node]! + best[start]!);
          found = true;
        }
        i += 1;
        node = i < count ? this.child(node, symbols[i]!) : -1;
      }
      // No piece starts with this character: it is unknown (id 0), a piece of one symbol scoring 0.
      if (!found) extend(start + 1, 0, best[start]!);
    }
    const ids: number[] = [];
    for (let end = count; end > 0; end -= this.lengths[chosen[end]!] || 1) ids.push(chosen[end]!);
    ids.reverse();
    return ids.filter((id, i) => !(id === 0 && ids[i - 1] === 0));
  }

  /** The node under `node` by this code point, or -1: a binary search of its children. */
  private child(node: number, code: number): number {
    let low = this.childStart[node]!;
    let high = this.childStart[node + 1]!;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const at = this.childCode[middle]!;
      if (at === code) return this.childNode[middle]!;
      if (at < code) low = middle + 1;
      else high = middle;
    }
    return -1;
  }
}

function codePoints(text: string): Int32Array {
  const points = new Int32Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    points[count++] = code;
    if (code > 0xffff) i += 1;
  }
  return points.subarray(0, count);
}
