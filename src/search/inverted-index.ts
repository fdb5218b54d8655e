import { CLAIM_FIELD, FIELD_COUNT, TITLE_FIELD } from './fields.js';
import { ESCAPED } from './packed-counts.js';
import { Postings, type PackedPostings } from './postings.js';
import { selectBest, type ScoredSlot } from './top-slots.js';

/** One document as the index sees it: the term ids (`internTerm`) of each field, in `FIELDS` order. */
export interface IndexedDocument {
  id: string;
  kind: 'claim' | 'article';
  fieldTermIds: readonly ArrayLike<number>[];
  /** Kept by reference (no copy) for the rerank's string similarity. */
  claimText: string;
  /** Kept by reference, for the rerank's word pairs. */
  titleText?: string;
}

export interface WeightedTerm {
  termId: number;
  /** 1 for a word of the query, less for a typo correction, more when repeated. */
  weight: number;
}

export interface BM25FParameters {
  k1: number;
  /** Per field, in `FIELDS` order. */
  fields: readonly FieldScoring[];
}

export interface FieldScoring {
  weight: number;
  /** Length normalisation, 0..1 (BM25's b). */
  b: number;
}

/** Everything the index holds but the documents' texts: what an index snapshot stores. */
export interface InvertedIndexState {
  /** Per slot; null for an emptied slot. */
  ids: (string | null)[];
  kinds: Uint8Array;
  fieldLengths: Float32Array;
  headlineEnds: Uint16Array;
  docStart: Int32Array;
  docLength: Int32Array;
  forward: Int32Array;
  terms: string[];
  documentFrequency: Int32Array;
  postings: PackedPostings;
}

export type { ScoredSlot };

if (FIELD_COUNT !== 3) throw new Error('InvertedIndex packs exactly three fields per posting');

const KINDS = ['claim', 'article'] as const;
const MIN_EMPTY_SLOTS_TO_COMPACT = 1024;
/** Bounds are compared with this much slack, so float rounding never prunes a document that ties. */
const BOUND_SLACK = 1 + 1e-9;

/**
 * Term → postings, with per-document field lengths for BM25F. Documents live in numbered slots,
 * a new one for each `add`, so postings stay sorted by appending; `remove` leaves an empty slot,
 * and slots are renumbered once empty ones outnumber documents. Per document the index keeps its
 * distinct term ids (claim terms first, then title-only ones, then the rest) in one shared array,
 * to undo an `add` and to measure how much of a claim a query covers.
 */
export class InvertedIndex {
  private readonly slotById = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  private df: Int32Array = new Int32Array(16);
  private postings = new Postings();
  private ids: (string | undefined)[] = [];
  private kinds: Uint8Array = new Uint8Array(16);
  private fieldLengths: Float32Array = new Float32Array(16 * FIELD_COUNT);
  /** Per slot: where its distinct term ids start in `forward`, and how many there are. */
  private docStart: Int32Array = new Int32Array(16);
  private docLength: Int32Array = new Int32Array(16);
  private forward: Int32Array = new Int32Array(1024);
  private forwardLength = 0;
  /** Per slot: how many of its term ids come from the claim, and from claim + title. */
  private headlineEnds: Uint16Array = new Uint16Array(16 * 2);
  private claimTexts: string[] = [];
  private titleTexts: (string | undefined)[] = [];
  private readonly totalFieldLength = new Float64Array(FIELD_COUNT);
  private accumulator = new Float64Array(16);
  /** The highest accumulated score of the query being scored. */
  private bestScore = 0;
  /** Scratch for `add`: per term id, the add that last saw it and where its counts are. */
  private seenIn = new Int32Array(16);
  private seenAt = new Int32Array(16);
  private adds = 0;
  private localTerms = new Int32Array(256);
  private localCounts = new Int32Array(256 * FIELD_COUNT);
  /** Bumped by every add and remove: cached per-slot factors are stale once it moves. */
  private version = 0;
  private scales: Float32Array | undefined;
  private scalesFor: BM25FParameters | undefined;
  private scalesVersion = -1;

  get size(): number {
    return this.slotById.size;
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** The id of a term, creating it when new: documents are added as term ids. */
  internTerm(term: string): number {
    let termId = this.termIds.get(term);
    if (termId === undefined) {
      termId = this.terms.length;
      this.termIds.set(term, termId);
      this.terms.push(term);
      if (termId >= this.df.length) {
        const capacity = this.df.length * 2;
        this.df = grown(this.df, capacity, Int32Array);
        this.seenIn = grown(this.seenIn, capacity, Int32Array);
        this.seenAt = grown(this.seenAt, capacity, Int32Array);
      }
    }
    return termId;
  }

  documentFrequency(termId: number): number {
    return termId < this.terms.length ? this.df[termId]! : 0;
  }

  /** BM25's inverse document frequency: always positive, larger for rarer terms. */
  idf(termId: number): number {
    const df = this.documentFrequency(termId);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  add(document: IndexedDocument): void {
    if (this.slotById.has(document.id)) this.remove(document.id);
    this.version++;
    const slot = this.ids.length;
    this.ensureCapacity(slot + 1);
    this.slotById.set(document.id, slot);
    this.ids.push(document.id);
    this.kinds[slot] = KINDS.indexOf(document.kind);
    this.claimTexts.push(document.claimText);
    this.titleTexts.push(document.titleText);

    // Distinct terms in first-seen order (claim terms, then title-only, then the rest), with counts per field.
    const stamp = ++this.adds;
    let distinct = 0;
    for (let field = 0; field < FIELD_COUNT; field++) {
      const termIds = document.fieldTermIds[field] ?? [];
      this.fieldLengths[slot * FIELD_COUNT + field] = termIds.length;
      this.totalFieldLength[field]! += termIds.length;
      for (let i = 0; i < termIds.length; i++) {
        const termId = termIds[i]!;
        let at = this.seenAt[termId]!;
        if (this.seenIn[termId] !== stamp) {
          if (distinct === this.localTerms.length) this.growLocal();
          this.seenIn[termId] = stamp;
          at = this.seenAt[termId] = distinct++;
          this.localTerms[at] = termId;
          this.localCounts.fill(0, at * FIELD_COUNT, (at + 1) * FIELD_COUNT);
        }
        this.localCounts[at * FIELD_COUNT + field]!++;
      }
      if (field === CLAIM_FIELD) this.headlineEnds[slot * 2] = distinct;
      if (field === TITLE_FIELD) this.headlineEnds[slot * 2 + 1] = distinct;
    }
    if (this.forwardLength + distinct > this.forward.length) {
      this.forward = grown(this.forward, Math.max(this.forwardLength + distinct, this.forward.length * 2), Int32Array);
    }
    this.docStart[slot] = this.forwardLength;
    this.docLength[slot] = distinct;
    const counts = this.localCounts;
    for (let at = 0; at < distinct; at++) {
      const termId = this.localTerms[at]!;
      this.forward[this.forwardLength++] = termId;
      this.df[termId]!++;
      this.postings.append(termId, slot, counts[at * 3]!, counts[at * 3 + 1]!, counts[at * 3 + 2]!);
    }
    if (this.postings.tailsAreLarge) this.postings.rebuild(this.terms.length, this.identitySlots());
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.version++;
    this.slotById.delete(id);
    for (const termId of this.termsAt(slot)) this.df[termId]!--;
    for (let field = 0; field < FIELD_COUNT; field++) {
      this.totalFieldLength[field]! -= this.fieldLengths[slot * FIELD_COUNT + field]!;
    }
    // Its postings stay until the next rebuild; its zero field scale keeps the scorer from counting them.
    this.ids[slot] = undefined;
    this.docLength[slot] = 0;
    this.claimTexts[slot] = '';
    this.titleTexts[slot] = undefined;
    // Replacing entries leaves empty slots behind; renumber once they outnumber the live ones.
    const empty = this.ids.length - this.slotById.size;
    if (empty > MIN_EMPTY_SLOTS_TO_COMPACT && empty > this.slotById.size) this.compact();
  }

  /**
   * Folds recently added postings into the packed base and trims spare capacity: for after a bulk
   * build, when no more documents are expected for a while.
   */
  settle(): void {
    if (this.postings.hasTails || this.ids.length > this.slotById.size) this.postings.rebuild(this.terms.length, this.identitySlots());
    this.forward = this.forward.slice(0, this.forwardLength);
  }

  /**
   * Renumbers the live documents 0..size-1 in their current order. The mapping keeps order, so
   * the postings are rewritten, not recomputed: no document is tokenised again.
   */
  private compact(): void {
    const newSlot = new Int32Array(this.ids.length).fill(-1);
    const forward = new Int32Array(this.forwardLength);
    let forwardLength = 0;
    let next = 0;
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.ids[slot] === undefined) continue;
      newSlot[slot] = next;
      const start = this.docStart[slot]!;
      const length = this.docLength[slot]!;
      forward.set(this.forward.subarray(start, start + length), forwardLength);
      this.docStart[next] = forwardLength;
      this.docLength[next] = length;
      forwardLength += length;
      if (next !== slot) {
        this.ids[next] = this.ids[slot];
        this.kinds[next] = this.kinds[slot]!;
        this.fieldLengths.copyWithin(next * FIELD_COUNT, slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT);
        this.headlineEnds.copyWithin(next * 2, slot * 2, slot * 2 + 2);
        this.claimTexts[next] = this.claimTexts[slot]!;
        this.titleTexts[next] = this.titleTexts[slot];
      }
      this.slotById.set(this.ids[next]!, next);
      next++;
    }
    this.ids.length = next;
    this.claimTexts.length = next;
    this.titleTexts.length = next;
    this.forward = forward;
    this.forwardLength = forwardLength;
    this.postings.rebuild(this.terms.length, newSlot);
  }

  /** Old slot → same slot, or -1 for an emptied one. */
  private identitySlots(): Int32Array {
    const slots = new Int32Array(this.ids.length);
    for (let slot = 0; slot < slots.length; slot++) slots[slot] = this.ids[slot] === undefined ? -1 : slot;
    return slots;
  }

  idAt(slot: number): string | undefined {
    return this.ids[slot];
  }

  kindAt(slot: number): 'claim' | 'article' {
    return KINDS[this.kinds[slot]!] ?? 'claim';
  }

  claimTextAt(slot: number): string {
    return this.claimTexts[slot] ?? '';
  }

  titleTextAt(slot: number): string | undefined {
    return this.titleTexts[slot];
  }

  /** Every distinct term id of the document (claim, title and summary). */
  termsAt(slot: number): Int32Array {
    const start = this.docStart[slot] ?? 0;
    return this.forward.subarray(start, start + (this.docLength[slot] ?? 0));
  }

  /** Distinct term ids of the document's claim (`claim`) and of claim plus title (`headline`). */
  headlineTermsAt(slot: number): { claim: Int32Array; headline: Int32Array } {
    const terms = this.termsAt(slot);
    if (terms.length === 0) return { claim: terms, headline: terms };
    return {
      claim: terms.subarray(0, this.headlineEnds[slot * 2]),
      headline: terms.subarray(0, this.headlineEnds[slot * 2 + 1]),
    };
  }

  /**
   * BM25F over the query terms; the best `limit` documents not in `exclude`, best first. Terms are
   * read rarest first; once the best `limit` so far outscore anything the remaining terms alone
   * could give (each term adds at most its weight), no new document can enter, and the common
   * terms are only looked up for the documents still in the running (MaxScore-style pruning). The
   * result is the exact top `limit`, without reading the long lists of common words in full.
   */
  score(terms: readonly WeightedTerm[], parameters: BM25FParameters, limit: number, exclude?: ReadonlySet<string>): ScoredSlot[] {
    if (this.size === 0 || terms.length === 0 || limit <= 0) return [];
    if (this.accumulator.length < this.ids.length) this.accumulator = new Float64Array(this.ids.length * 2);
    const accumulator = this.accumulator;
    const scale = this.fieldScales(parameters);
    const accept = (slot: number) => !exclude?.has(this.ids[slot]!);
    const weighted = terms
      .filter(({ termId }) => this.documentFrequency(termId) > 0)
      .map(({ termId, weight }) => ({ termId, weight: weight * this.idf(termId) }))
      .sort((a, b) => b.weight - a.weight || a.termId - b.termId);
    // remaining[i]: the most that terms i.. can add to any document.
    const remaining = new Float64Array(weighted.length + 1);
    for (let i = weighted.length - 1; i >= 0; i--) remaining[i] = remaining[i + 1]! + weighted[i]!.weight;

    let touched: number[] = [];
    let next = 0;
    let threshold = -Infinity;
    for (; next < weighted.length; next++) {
      // The limit-th best is at most the best: only when even that beats what is left is it worth finding.
      if (next > 0 && touched.length >= limit && this.bestScore > remaining[next]! * BOUND_SLACK) {
        threshold = kthBest(touched, accumulator, limit, accept);
        if (threshold > remaining[next]! * BOUND_SLACK) break;
      }
      this.accumulate(weighted[next]!, parameters.k1, scale, accumulator, touched, false);
    }
    if (next < weighted.length) {
      touched = this.prune(touched, accumulator, threshold, remaining[next]!, accept).sort((a, b) => a - b);
      for (; next < weighted.length && touched.length > 0; next++) {
        this.accumulate(weighted[next]!, parameters.k1, scale, accumulator, touched, true);
        touched = this.prune(touched, accumulator, threshold, remaining[next + 1]!, accept);
      }
    }
    this.bestScore = 0;
    const best = selectBest(touched, accumulator, limit, accept);
    for (const slot of touched) accumulator[slot] = 0;
    return best;
  }

  /** Keeps (in order) the documents that can still reach `threshold` with `remaining` more; forgets the rest. */
  private prune(slots: number[], accumulator: Float64Array, threshold: number, remaining: number, accept: (slot: number) => boolean): number[] {
    const kept: number[] = [];
    for (const slot of slots) {
      if ((accumulator[slot]! + remaining) * BOUND_SLACK >= threshold && accept(slot)) kept.push(slot);
      else accumulator[slot] = 0;
    }
    return kept;
  }

  /**
   * Adds one term's BM25F contribution. With `onlyTouched`, only to documents already scored
   * (`touched`, ascending by slot after the first prune): a long list is then probed by binary
   * search per document rather than read in full.
   */
  private accumulate(
    term: WeightedTerm,
    k1: number,
    scale: Float32Array,
    accumulator: Float64Array,
    touched: number[],
    onlyTouched: boolean,
  ): void {
    const { termId, weight } = term;
    const postings = this.postings;
    const { slots, counts } = postings;
    const from = postings.baseFrom(termId);
    const to = postings.baseTo(termId);
    if (onlyTouched && touched.length * Math.log2(to - from + 1) < to - from) {
      // touched is ascending, so each search starts where the previous one ended.
      let low = from;
      for (const slot of touched) {
        let high = to;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (slots[middle]! < slot) low = middle + 1;
          else high = middle;
        }
        if (low === to) break;
        if (slots[low] === slot) this.addPacked(low, weight, k1, scale, accumulator, touched, true);
      }
    } else {
      for (let i = from; i < to; i++) this.addPacked(i, weight, k1, scale, accumulator, touched, onlyTouched);
    }
    const tail = postings.tails[termId];
    if (!tail) return;
    const tailSlots = tail.slots;
    const tailCounts = tail.counts;
    for (let i = 0; i < tail.length; i++) {
      this.addCounts(tailSlots[i]!, tailCounts[i * 3]!, tailCounts[i * 3 + 1]!, tailCounts[i * 3 + 2]!, weight, k1, scale, accumulator, touched, onlyTouched);
    }
  }

  private addPacked(
    position: number,
    weight: number,
    k1: number,
    scale: Float32Array,
    accumulator: Float64Array,
    touched: number[],
    onlyTouched: boolean,
  ): void {
    const slot = this.postings.slots[position]!;
    const packed = this.postings.counts[position]!;
    if (packed !== ESCAPED) {
      this.addCounts(slot, packed & 3, (packed >> 2) & 3, packed >> 4, weight, k1, scale, accumulator, touched, onlyTouched);
    } else {
      const exact = this.postings.escaped(position);
      this.addCounts(slot, exact & 255, (exact >> 8) & 255, exact >> 16, weight, k1, scale, accumulator, touched, onlyTouched);
    }
  }

  private addCounts(
    slot: number,
    claim: number,
    title: number,
    summary: number,
    weight: number,
    k1: number,
    scale: Float32Array,
    accumulator: Float64Array,
    touched: number[],
    onlyTouched: boolean,
  ): void {
    let tf = 0;
    if (claim !== 0) tf += claim * scale[slot * 3]!;
    if (title !== 0) tf += title * scale[slot * 3 + 1]!;
    if (summary !== 0) tf += summary * scale[slot * 3 + 2]!;
    const contribution = (weight * tf) / (k1 + tf);
    if (contribution <= 0) return; // an emptied slot or zero-weight field must not mark the slot as touched
    const before = accumulator[slot]!;
    if (before === 0) {
      if (onlyTouched) return;
      touched.push(slot);
    }
    const score = before + contribution;
    accumulator[slot] = score;
    if (score > this.bestScore) this.bestScore = score;
  }

  /**
   * Per slot and field: weight / (1 − b + b · length / average length), the BM25F factor of one
   * occurrence; zero for an emptied slot. Kept between queries and recomputed only after the
   * documents or parameters change.
   */
  private fieldScales(parameters: BM25FParameters): Float32Array {
    if (this.scales && this.scalesFor === parameters && this.scalesVersion === this.version) return this.scales;
    const scales = new Float32Array(this.ids.length * FIELD_COUNT);
    for (let field = 0; field < FIELD_COUNT; field++) {
      const { weight, b } = parameters.fields[field]!;
      const average = this.totalFieldLength[field]! / this.size || 1;
      for (let slot = 0; slot < this.ids.length; slot++) {
        if (this.ids[slot] === undefined) continue;
        const at = slot * FIELD_COUNT + field;
        scales[at] = weight / (1 - b + (b * this.fieldLengths[at]!) / average);
      }
    }
    this.scales = scales;
    this.scalesFor = parameters;
    this.scalesVersion = this.version;
    return scales;
  }

  /** The index without the documents' texts (see `attachTexts`), its postings packed. */
  exportState(): InvertedIndexState {
    this.settle();
    const slots = this.ids.length;
    return {
      ids: this.ids.map((id) => id ?? null),
      kinds: this.kinds.slice(0, slots),
      fieldLengths: this.fieldLengths.slice(0, slots * FIELD_COUNT),
      headlineEnds: this.headlineEnds.slice(0, slots * 2),
      docStart: this.docStart.slice(0, slots),
      docLength: this.docLength.slice(0, slots),
      forward: this.forward.subarray(0, this.forwardLength),
      terms: this.terms.slice(),
      documentFrequency: this.df.slice(0, this.terms.length),
      postings: this.postings.toPacked(),
    };
  }

  /** An index restored from `exportState`; its documents' texts must then be given to `attachText`. */
  static fromState(state: InvertedIndexState): InvertedIndex {
    const index = new InvertedIndex();
    const slots = state.ids.length;
    const lengthsOk =
      state.kinds.length === slots &&
      state.fieldLengths.length === slots * FIELD_COUNT &&
      state.headlineEnds.length === slots * 2 &&
      state.docStart.length === slots &&
      state.docLength.length === slots &&
      state.documentFrequency.length === state.terms.length &&
      state.postings.start.length <= state.terms.length + 1;
    if (!lengthsOk) throw new Error('inconsistent index state');
    state.ids.forEach((id, slot) => {
      if (id === null) return;
      index.slotById.set(id, slot);
      for (let field = 0; field < FIELD_COUNT; field++) index.totalFieldLength[field]! += state.fieldLengths[slot * FIELD_COUNT + field]!;
    });
    index.ids = state.ids.map((id) => id ?? undefined);
    state.terms.forEach((term, termId) => index.termIds.set(term, termId));
    index.terms = state.terms;
    const capacity = Math.max(16, state.terms.length);
    index.df = grown(state.documentFrequency, capacity, Int32Array);
    index.seenIn = new Int32Array(capacity);
    index.seenAt = new Int32Array(capacity);
    index.kinds = state.kinds;
    index.fieldLengths = state.fieldLengths;
    index.headlineEnds = state.headlineEnds;
    index.docStart = state.docStart;
    index.docLength = state.docLength;
    index.forward = state.forward;
    index.forwardLength = state.forward.length;
    index.postings = Postings.fromPacked(state.postings);
    index.claimTexts = new Array<string>(slots).fill('');
    index.titleTexts = new Array<string | undefined>(slots).fill(undefined);
    index.ensureCapacity(slots + 1);
    return index;
  }

  /** Gives a restored document its texts; false when the index does not hold that id. */
  attachText(id: string, claimText: string, titleText: string | undefined): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.claimTexts[slot] = claimText;
    this.titleTexts[slot] = titleText;
    return true;
  }

  private growLocal(): void {
    this.localTerms = grown(this.localTerms, this.localTerms.length * 2, Int32Array);
    this.localCounts = grown(this.localCounts, this.localCounts.length * 2, Int32Array);
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.kinds.length) return;
    const capacity = Math.max(slots, this.kinds.length * 2);
    this.kinds = grown(this.kinds, capacity, Uint8Array);
    this.fieldLengths = grown(this.fieldLengths, capacity * FIELD_COUNT, Float32Array);
    this.headlineEnds = grown(this.headlineEnds, capacity * 2, Uint16Array);
    this.docStart = grown(this.docStart, capacity, Int32Array);
    this.docLength = grown(this.docLength, capacity, Int32Array);
  }
}

/** The `limit`-th best score among `slots` that pass `accept`, or -Infinity when fewer pass. */
function kthBest(slots: readonly number[], scores: Float64Array, limit: number, accept: (slot: number) => boolean): number {
  const best = selectBest(slots, scores, limit, accept);
  return best.length === limit ? best[limit - 1]!.score : -Infinity;
}

function grown<T extends Uint8Array | Uint16Array | Int32Array | Float32Array>(
  array: T,
  length: number,
  Type: new (length: number) => T,
): T {
  const copy = new Type(length);
  copy.set(array.subarray(0, Math.min(array.length, length)));
  return copy;
}
