import { CLAIM_FIELD, FIELD_COUNT, TITLE_FIELD } from './fields.js';
import { ESCAPED } from './packed-counts.js';
import { Postings, type PackedPostings } from './postings.js';
import { SlotList } from './slot-list.js';
import { TextArena, type PackedTexts } from './text-arena.js';
import { ForwardLists } from './forward-lists.js';
import { grown, type Pieces } from './typed-arrays.js';
import { kthBestScore, selectBest, type ScoredSlot } from './top-slots.js';

/** One document as the index sees it: the term ids (`internTerm`) of each field, in `FIELDS` order. */
export interface IndexedDocument {
  id: string;
  kind: 'claim' | 'article';
  fieldTermIds: readonly ArrayLike<number>[];
  /** Kept (as UTF-8, outside the heap) for the rerank's string similarity. */
  claimText: string;
  /** Kept likewise, for the rerank's title measures. */
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
  /** Each slot's term ids end to end (views on the chunks when exported, see `Pieces`). */
  forward: Pieces<Int32Array>;
  terms: string[];
  documentFrequency: Int32Array;
  postings: PackedPostings;
  /** Per-term score bounds (see `useBounds`), when they had been prepared. */
  bounds?: TermBoundsState;
  /** The documents' claim and title texts per slot; without them `attachText` must give them. */
  texts?: { claim: PackedTexts; title: PackedTexts };
}

/** Per term, the largest BM25F term frequency of any document, under `parameters` and field `averages`. */
export interface TermBoundsState {
  /** `JSON.stringify` of the BM25F parameters the bounds were computed for. */
  parameters: string;
  averages: Float64Array;
  maxTf: Float64Array;
}

export type { ScoredSlot };

if (FIELD_COUNT !== 3) throw new Error('InvertedIndex packs exactly three fields per posting');

const KINDS = ['claim', 'article'] as const;

/** The kind a slot's code in `kinds` (an exported state's too) stands for. */
export function documentKind(code: number): 'claim' | 'article' {
  return KINDS[code] ?? 'claim';
}

const MIN_EMPTY_SLOTS_TO_COMPACT = 1024;
/** Bounds are compared with this much slack, so float rounding never prunes a document that ties. */
const BOUND_SLACK = 1 + 1e-9;
/**
 * Postings a lookup reads in full to find candidates: a term that would take it past this (once
 * enough candidates were found) only adds to the scores of the documents found. Far above what a
 * lookup reads in a store of 20,000 claims, so rankings there are exact; at a million claims,
 * reading the long lists of a long query's common words in full was most of its time.
 */
export const CANDIDATE_POSTINGS = 100_000;

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
  /** Per slot: its distinct term ids. */
  private forward = new ForwardLists();
  /** Per slot: how many of its term ids come from the claim, and from claim + title. */
  private headlineEnds: Uint16Array = new Uint16Array(16 * 2);
  /** Claim and title texts for the rerank, by slot, outside the heap. */
  private claimTexts = new TextArena();
  private titleTexts = new TextArena();
  private readonly totalFieldLength = new Float64Array(FIELD_COUNT);
  private accumulator = new Float64Array(16);
  /** The documents the query being scored has touched (scored above zero). */
  private readonly touched = new SlotList();
  /**
   * Whether `touched` is in ascending slot order, which probing a long list by binary search needs.
   * It is sorted only when a list is first probed so: most lookups read every remaining list in
   * full, and sorting thousands of slots for nothing was a fifth of a long query's scoring.
   */
  private touchedAscending = false;
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
  /** Upper bounds of each term's term frequency, to bound what a term can add (see `useBounds`). */
  private bounds: { parameters: BM25FParameters; key: string; averages: Float64Array; maxTf: Float64Array } | undefined;
  private restoredBounds: TermBoundsState | undefined;

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

  /** Adds (or replaces) a document; its slot. A replaced one's removal may renumber the others first (see `remove`). */
  add(document: IndexedDocument): number {
    if (this.slotById.has(document.id)) this.remove(document.id);
    this.version++;
    const slot = this.ids.length;
    this.ensureCapacity(slot + 1);
    this.slotById.set(document.id, slot);
    this.ids.push(document.id);
    this.kinds[slot] = KINDS.indexOf(document.kind);
    this.claimTexts.set(slot, document.claimText);
    this.titleTexts.set(slot, document.titleText);

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
    this.forward.set(slot, this.localTerms, distinct);
    const counts = this.localCounts;
    for (let at = 0; at < distinct; at++) {
      const termId = this.localTerms[at]!;
      this.df[termId]!++;
      this.postings.append(termId, slot, counts[at * 3]!, counts[at * 3 + 1]!, counts[at * 3 + 2]!);
    }
    if (this.bounds) this.raiseBounds(this.bounds, slot, distinct);
    if (this.postings.tailsAreLarge) this.postings.rebuild(this.terms.length, this.identitySlots());
    return slot;
  }

  /**
   * Removes a document. When that leaves more empty slots than documents, the documents are
   * renumbered: the renumbering (old slot → new slot, -1 for an emptied one) is returned, for
   * whoever keeps data by slot.
   */
  remove(id: string): Int32Array | undefined {
    const slot = this.slotById.get(id);
    if (slot === undefined) return undefined;
    this.version++;
    this.slotById.delete(id);
    for (const termId of this.termsAt(slot)) this.df[termId]!--;
    for (let field = 0; field < FIELD_COUNT; field++) {
      this.totalFieldLength[field]! -= this.fieldLengths[slot * FIELD_COUNT + field]!;
    }
    // Its postings stay until the next rebuild; its zero field scale keeps the scorer from counting them.
    this.ids[slot] = undefined;
    this.forward.clear(slot);
    this.claimTexts.set(slot, undefined);
    this.titleTexts.set(slot, undefined);
    // Replacing entries leaves empty slots behind; renumber once they outnumber the live ones.
    const empty = this.ids.length - this.slotById.size;
    return empty > MIN_EMPTY_SLOTS_TO_COMPACT && empty > this.slotById.size ? this.compact() : undefined;
  }

  /**
   * Folds recently added postings into the packed base and trims spare capacity: for after a bulk
   * build, when no more documents are expected for a while.
   */
  settle(): void {
    if (this.postings.hasTails || this.ids.length > this.slotById.size) this.postings.rebuild(this.terms.length, this.identitySlots());
    this.claimTexts.compactIfWasteful();
    this.titleTexts.compactIfWasteful();
  }

  /**
   * Renumbers the live documents 0..size-1 in their current order. The mapping keeps order, so
   * the postings are rewritten, not recomputed: no document is tokenised again.
   */
  private compact(): Int32Array {
    const newSlot = new Int32Array(this.ids.length).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.ids[slot] === undefined) continue;
      newSlot[slot] = next;
      if (next !== slot) {
        this.ids[next] = this.ids[slot];
        this.kinds[next] = this.kinds[slot]!;
        this.fieldLengths.copyWithin(next * FIELD_COUNT, slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT);
        this.headlineEnds.copyWithin(next * 2, slot * 2, slot * 2 + 2);
        this.claimTexts.move(slot, next);
        this.titleTexts.move(slot, next);
      }
      this.slotById.set(this.ids[next]!, next);
      next++;
    }
    this.ids.length = next;
    this.claimTexts.truncate(next);
    this.titleTexts.truncate(next);
    this.forward.renumber(newSlot);
    this.postings.rebuild(this.terms.length, newSlot);
    return newSlot;
  }

  /** Old slot → same slot, or -1 for an emptied one. */
  private identitySlots(): Int32Array {
    const slots = new Int32Array(this.ids.length);
    for (let slot = 0; slot < slots.length; slot++) slots[slot] = this.ids[slot] === undefined ? -1 : slot;
    return slots;
  }

  /** The kind of the document with this id, when the index holds it. */
  kindOf(id: string): 'claim' | 'article' | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.kindAt(slot);
  }

  /** Slots in use or emptied: every `idAt` below it may hold a document. */
  get slotCount(): number {
    return this.ids.length;
  }

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  idAt(slot: number): string | undefined {
    return this.ids[slot];
  }

  kindAt(slot: number): 'claim' | 'article' {
    return documentKind(this.kinds[slot]!);
  }

  claimTextAt(slot: number): string {
    return this.claimTexts.get(slot) ?? '';
  }

  titleTextAt(slot: number): string | undefined {
    return this.titleTexts.get(slot);
  }

  /** Every distinct term id of the document (claim, title and summary). */
  termsAt(slot: number): Int32Array {
    return this.forward.at(slot);
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
   * could give (each term adds at most its bound, see `useBounds`), no new document can enter, and
   * the common terms are only looked up for the documents still in the running (MaxScore-style
   * pruning): the exact top `limit`, without reading the long lists of common words in full.
   * One approximation, only in large stores: a term whose list would take the postings read in
   * full past `CANDIDATE_POSTINGS` brings in no new candidates; it only adds to their scores.
   */
  score(terms: readonly WeightedTerm[], parameters: BM25FParameters, limit: number, exclude?: ReadonlySet<string>): ScoredSlot[] {
    if (this.size === 0 || terms.length === 0 || limit <= 0) return [];
    if (this.accumulator.length < this.ids.length) this.accumulator = new Float64Array(this.ids.length * 2);
    const accumulator = this.accumulator;
    const scale = this.fieldScales(parameters);
    // Excluded ids as slots, looked up once: most lookups exclude nothing, and a string set lookup per document is not cheap.
    const excluded = new Set<number>();
    for (const id of exclude ?? []) {
      const slot = this.slotById.get(id);
      if (slot !== undefined) excluded.add(slot);
    }
    const accept = excluded.size === 0 ? acceptAll : (slot: number) => !excluded.has(slot);
    const weighted = terms
      .filter(({ termId }) => this.documentFrequency(termId) > 0)
      .map(({ termId, weight }) => ({ termId, weight: weight * this.idf(termId) }))
      .sort((a, b) => b.weight - a.weight || a.termId - b.termId);
    // remaining[i]: the most that terms i.. can add to any document.
    const bound = this.boundFor(parameters);
    const remaining = new Float64Array(weighted.length + 1);
    for (let i = weighted.length - 1; i >= 0; i--) remaining[i] = remaining[i + 1]! + bound(weighted[i]!);

    const touched = this.touched;
    touched.clear();
    let next = 0;
    let threshold = -Infinity;
    const deferred: WeightedTerm[] = [];
    let deferredBound = 0;
    let read = 0;
    for (; next < weighted.length; next++) {
      const term = weighted[next]!;
      // The limit-th best is at most the best: only when even that beats what is left is it worth finding.
      const left = remaining[next]! + deferredBound;
      if (next > 0 && touched.length >= limit && this.bestScore > left * BOUND_SLACK) {
        threshold = kthBestScore(touched.view(), accumulator, limit, accept);
        if (threshold > left * BOUND_SLACK) break;
      }
      if (touched.length >= limit && read + this.df[term.termId]! > CANDIDATE_POSTINGS) {
        deferred.push(term);
        deferredBound += bound(term);
        continue;
      }
      this.accumulate(term, parameters.k1, scale, accumulator, false);
      read += this.df[term.termId]!;
    }
    // The rest, then the deferred terms; with none deferred, exactly the rest in order.
    const rest = deferred.length === 0 ? weighted.slice(next) : [...weighted.slice(next), ...deferred];
    if (rest.length > 0) {
      const restBound = new Float64Array(rest.length + 1);
      for (let i = rest.length - 1; i >= 0; i--) restBound[i] = restBound[i + 1]! + bound(rest[i]!);
      if (deferred.length > 0 && touched.length >= limit) threshold = Math.max(threshold, kthBestScore(touched.view(), accumulator, limit, accept));
      this.prune(accumulator, threshold, restBound[0]!, accept);
      this.touchedAscending = false;
      for (let i = 0; i < rest.length && touched.length > 0; i++) {
        this.accumulate(rest[i]!, parameters.k1, scale, accumulator, true);
        // Scores only grow, so the limit-th best of the few left in the running is a higher bar.
        if (touched.length > limit) threshold = Math.max(threshold, kthBestScore(touched.view(), accumulator, limit, accept));
        this.prune(accumulator, threshold, restBound[i + 1]!, accept);
      }
    }
    this.bestScore = 0;
    const best = selectBest(touched.view(), accumulator, limit, accept);
    for (let i = 0; i < touched.length; i++) accumulator[touched.items[i]!] = 0;
    return best;
  }

  /** Keeps (in order, in place) the touched documents that can still reach `threshold` with `remaining` more; forgets the rest. */
  private prune(accumulator: Float64Array, threshold: number, remaining: number, accept: (slot: number) => boolean): void {
    const slots = this.touched.items;
    let kept = 0;
    for (let i = 0; i < this.touched.length; i++) {
      const slot = slots[i]!;
      if ((accumulator[slot]! + remaining) * BOUND_SLACK >= threshold && (accept === acceptAll || accept(slot))) slots[kept++] = slot;
      else accumulator[slot] = 0;
    }
    this.touched.length = kept;
  }

  /**
   * Adds one term's BM25F contribution. With `onlyTouched`, only to documents already scored
   * (`touched`): a long list is then probed by binary search per document, `touched` sorted by
   * slot for it once per query, rather than read in full.
   */
  private accumulate(
    term: WeightedTerm,
    k1: number,
    scale: Float32Array,
    accumulator: Float64Array,
    onlyTouched: boolean,
  ): void {
    const { termId, weight } = term;
    const postings = this.postings;
    const { slots, counts } = postings;
    const from = postings.baseFrom(termId);
    const to = postings.baseTo(termId);
    const touched = this.touched;
    if (onlyTouched && touched.length * Math.log2(to - from + 1) < to - from) {
      // Pruning keeps the order, so one sort serves every later probe of this query.
      if (!this.touchedAscending) {
        touched.view().sort();
        this.touchedAscending = true;
      }
      // touched is ascending, so each search starts where the previous one ended.
      let low = from;
      for (let t = 0; t < touched.length; t++) {
        const slot = touched.items[t]!;
        let high = to;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (slots[middle]! < slot) low = middle + 1;
          else high = middle;
        }
        if (low === to) break;
        if (slots[low] === slot) this.addPacked(low, weight, k1, scale, accumulator, true);
      }
    } else {
      for (let i = from; i < to; i++) this.addPacked(i, weight, k1, scale, accumulator, onlyTouched);
    }
    const tail = postings.tails[termId];
    if (!tail) return;
    const tailSlots = tail.slots;
    const tailCounts = tail.counts;
    for (let i = 0; i < tail.length; i++) {
      this.addCounts(tailSlots[i]!, tailCounts[i * 3]!, tailCounts[i * 3 + 1]!, tailCounts[i * 3 + 2]!, weight, k1, scale, accumulator, onlyTouched);
    }
  }

  private addPacked(
    position: number,
    weight: number,
    k1: number,
    scale: Float32Array,
    accumulator: Float64Array,
    onlyTouched: boolean,
  ): void {
    const slot = this.postings.slots[position]!;
    const packed = this.postings.counts[position]!;
    if (packed !== ESCAPED) {
      this.addCounts(slot, packed & 3, (packed >> 2) & 3, packed >> 4, weight, k1, scale, accumulator, onlyTouched);
    } else {
      const exact = this.postings.escaped(position);
      this.addCounts(slot, exact & 255, (exact >> 8) & 255, exact >> 16, weight, k1, scale, accumulator, onlyTouched);
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
    onlyTouched: boolean,
  ): void {
    const before = accumulator[slot]!;
    if (onlyTouched && before === 0) return;
    let tf = 0;
    if (claim !== 0) tf += claim * scale[slot * 3]!;
    if (title !== 0) tf += title * scale[slot * 3 + 1]!;
    if (summary !== 0) tf += summary * scale[slot * 3 + 2]!;
    const contribution = (weight * tf) / (k1 + tf);
    if (contribution <= 0) return; // an emptied slot or zero-weight field must not mark the slot as touched
    if (before === 0) this.touched.push(slot);
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

  /**
   * Prepares, for these BM25F parameters, the largest term frequency each term reaches in any
   * document (one pass over the postings, or taken from a restored state made for the same
   * parameters). The scorer then bounds what a term can add by weight · tf / (k1 + tf) rather
   * than by its weight, and stops reading common terms sooner. Later additions raise the bounds;
   * a shift of the average field lengths is allowed for when they are used.
   */
  useBounds(parameters: BM25FParameters): void {
    const key = JSON.stringify(parameters);
    if (this.bounds?.key === key) {
      this.bounds.parameters = parameters;
      return;
    }
    const restored = this.restoredBounds;
    this.restoredBounds = undefined;
    if (restored && restored.parameters === key && restored.averages.length === FIELD_COUNT && restored.maxTf.length === this.terms.length) {
      this.bounds = { parameters, key, averages: restored.averages, maxTf: grown(restored.maxTf, this.df.length, Float64Array) };
      return;
    }
    const scale = this.fieldScales(parameters);
    const maxTf = new Float64Array(this.df.length);
    const { slots, counts } = this.postings;
    for (let termId = 0; termId < this.terms.length; termId++) {
      let most = 0;
      for (let i = this.postings.baseFrom(termId), end = this.postings.baseTo(termId); i < end; i++) {
        const slot = slots[i]!;
        const packed = counts[i]!;
        const exact = packed === ESCAPED ? this.postings.escaped(i) : 0;
        const tf =
          packed !== ESCAPED
            ? termFrequency(scale, slot, packed & 3, (packed >> 2) & 3, packed >> 4)
            : termFrequency(scale, slot, exact & 255, (exact >> 8) & 255, exact >> 16);
        if (tf > most) most = tf;
      }
      const tail = this.postings.tails[termId];
      for (let i = 0; tail && i < tail.length; i++) {
        const tf = termFrequency(scale, tail.slots[i]!, tail.counts[i * 3]!, tail.counts[i * 3 + 1]!, tail.counts[i * 3 + 2]!);
        if (tf > most) most = tf;
      }
      maxTf[termId] = most;
    }
    this.bounds = { parameters, key, averages: this.averageFieldLengths(), maxTf };
  }

  /** What one query term can add to any document's score at most, for `score`. */
  private boundFor(parameters: BM25FParameters): (term: WeightedTerm) => number {
    const bounds = this.bounds;
    if (!bounds || bounds.parameters !== parameters) return (term) => term.weight;
    // A document's field factor grows at most as much as its field's average length has since.
    const averages = this.averageFieldLengths();
    let growth = 1;
    for (let field = 0; field < FIELD_COUNT; field++) growth = Math.max(growth, averages[field]! / bounds.averages[field]!);
    // Field factors are stored as float32: a margin far above their rounding keeps the bound safe.
    growth *= 1 + 1e-6;
    const k1 = parameters.k1;
    return ({ termId, weight }) => {
      const tf = (bounds.maxTf[termId] ?? Infinity) * growth;
      return Number.isFinite(tf) ? (weight * tf) / (k1 + tf) : weight;
    };
  }

  /** Raises the bounds of a just-added document's terms to its term frequencies (at the bounds' averages). */
  private raiseBounds(bounds: NonNullable<InvertedIndex['bounds']>, slot: number, distinct: number): void {
    if (bounds.maxTf.length < this.df.length) bounds.maxTf = grown(bounds.maxTf, this.df.length, Float64Array);
    const factors = [0, 0, 0];
    for (let field = 0; field < FIELD_COUNT; field++) {
      const { weight, b } = bounds.parameters.fields[field]!;
      factors[field] = Math.fround(weight / (1 - b + (b * this.fieldLengths[slot * FIELD_COUNT + field]!) / (bounds.averages[field]! || 1)));
    }
    for (let at = 0; at < distinct; at++) {
      const termId = this.localTerms[at]!;
      const tf = this.localCounts[at * 3]! * factors[0]! + this.localCounts[at * 3 + 1]! * factors[1]! + this.localCounts[at * 3 + 2]! * factors[2]!;
      if (tf > bounds.maxTf[termId]!) bounds.maxTf[termId] = tf;
    }
  }

  private averageFieldLengths(): Float64Array {
    const averages = new Float64Array(FIELD_COUNT);
    for (let field = 0; field < FIELD_COUNT; field++) averages[field] = this.totalFieldLength[field]! / this.size || 1;
    return averages;
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
      ...this.forward.exportState(slots),
      terms: this.terms.slice(),
      documentFrequency: this.df.slice(0, this.terms.length),
      postings: this.postings.toPacked(),
      bounds: this.bounds && {
        parameters: this.bounds.key,
        averages: this.bounds.averages.slice(),
        maxTf: this.bounds.maxTf.slice(0, this.terms.length),
      },
      texts: { claim: this.claimTexts.packed(slots), title: this.titleTexts.packed(slots) },
    };
  }

  /** An index restored from `exportState`; without the state's `texts`, its documents' texts must then be given to `attachText`. */
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
    index.forward = ForwardLists.fromState(state.docStart, state.docLength, state.forward);
    index.postings = Postings.fromPacked(state.postings);
    index.restoredBounds = state.bounds;
    if (state.texts) {
      if (state.texts.claim.start.length !== slots || state.texts.title.start.length !== slots) throw new Error('inconsistent index state');
      index.claimTexts = TextArena.fromPacked(state.texts.claim);
      index.titleTexts = TextArena.fromPacked(state.texts.title);
    }
    index.ensureCapacity(slots + 1);
    return index;
  }

  /** Gives a restored document its texts; false when the index does not hold that id. */
  attachText(id: string, claimText: string, titleText: string | undefined): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.claimTexts.set(slot, claimText);
    this.titleTexts.set(slot, titleText);
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
  }
}

const acceptAll = (_slot: number) => true;

/** A posting's BM25F term frequency: its field counts times the document's field factors. */
function termFrequency(scale: Float32Array, slot: number, claim: number, title: number, summary: number): number {
  let tf = 0;
  if (claim !== 0) tf += claim * scale[slot * 3]!;
  if (title !== 0) tf += title * scale[slot * 3 + 1]!;
  if (summary !== 0) tf += summary * scale[slot * 3 + 2]!;
  return tf;
}
