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

export class SentencePieces {
  private readonly root = trieNode();
  private readonly lengths: Int32Array;

  constructor(vocabulary: readonly (readonly [string, number])[]) {
    this.lengths = new Int32Array(vocabulary.length);
    vocabulary.forEach(([piece, score], id) => {
      // The port steps back over a chosen piece by its UTF-16 length (not its code points); kept for the same ids.
      this.lengths[id] = piece.length;
      if (id < RESERVED) return;
      let node = this.root;
      let length = 0;
      for (const symbol of piece) {
        const code = symbol.codePointAt(0)!;
        let child = node.children.get(code);
        if (!child) node.children.set(code, (child = trieNode()));
        node = child;
        length += 1;
      }
      Object.assign(node, { id, score, length });
    });
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
      let node = this.root.children.get(symbols[start]!);
      let found = false;
      for (let i = start; node; ) {
        if (node.id >= 0) {
          extend(start + node.length, node.id, node.score + best[start]!);
          found = true;
        }
        i += 1;
        node = i < count ? node.children.get(symbols[i]!) : undefined;
      }
      // No piece starts with this character: it is unknown (id 0), a piece of one symbol scoring 0.
      if (!found) extend(start + 1, 0, best[start]!);
    }
    const ids: number[] = [];
    for (let end = count; end > 0; end -= this.lengths[chosen[end]!] || 1) ids.push(chosen[end]!);
    ids.reverse();
    return ids.filter((id, i) => !(id === 0 && ids[i - 1] === 0));
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
