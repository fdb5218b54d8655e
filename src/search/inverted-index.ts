import { CLAIM_FIELD, FIELD_COUNT, TITLE_FIELD } from './fields.js';
import { PostingList } from './posting-list.js';
import { selectBest, type ScoredSlot } from './top-slots.js';

/** One document as the index sees it: the terms of each field, in `FIELDS` order. */
export interface IndexedDocument {
  id: string;
  kind: 'claim' | 'article';
  fieldTerms: readonly (readonly string[])[];
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

export type { ScoredSlot };

const KINDS = ['claim', 'article'] as const;
const MIN_EMPTY_SLOTS_TO_COMPACT = 1024;

/**
 * Term → postings, with per-document field lengths for BM25F. Documents live in numbered slots,
 * a new one for each `add`, so postings stay sorted by appending; `remove` leaves an empty slot,
 * and slots are renumbered once empty ones outnumber documents. Per document the index keeps its
 * distinct term ids (claim terms first, then title-only ones, then the rest) to undo an `add` and
 * to measure how much of a claim a query covers.
 */
export class InvertedIndex {
  private readonly slotById = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly postings: PostingList[] = [];
  private ids: (string | undefined)[] = [];
  private kinds = new Uint8Array(16);
  private fieldLengths = new Float32Array(16 * FIELD_COUNT);
  private docTerms: (Int32Array | undefined)[] = [];
  /** Per slot: how many of `docTerms` come from the claim, and from claim + title. */
  private headlineEnds = new Uint16Array(16 * 2);
  private claimTexts: string[] = [];
  private titleTexts: (string | undefined)[] = [];
  private readonly totalFieldLength = new Float64Array(FIELD_COUNT);
  private accumulator = new Float64Array(16);
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

  documentFrequency(termId: number): number {
    return this.postings[termId]?.length ?? 0;
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

    // Insertion order of this map is the order of `docTerms`: claim terms, then title-only, then the rest.
    const countsByTerm = new Map<number, number[]>();
    for (let field = 0; field < FIELD_COUNT; field++) {
      const terms = document.fieldTerms[field] ?? [];
      this.fieldLengths[slot * FIELD_COUNT + field] = terms.length;
      this.totalFieldLength[field]! += terms.length;
      for (const term of terms) {
        const termId = this.internTerm(term);
        let counts = countsByTerm.get(termId);
        if (!counts) {
          counts = new Array<number>(FIELD_COUNT).fill(0);
          countsByTerm.set(termId, counts);
        }
        counts[field]!++;
      }
      if (field === CLAIM_FIELD) this.headlineEnds[slot * 2] = countsByTerm.size;
      if (field === TITLE_FIELD) this.headlineEnds[slot * 2 + 1] = countsByTerm.size;
    }
    for (const [termId, counts] of countsByTerm) this.postings[termId]!.append(slot, counts);
    this.docTerms.push(Int32Array.from(countsByTerm.keys()));
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.version++;
    this.slotById.delete(id);
    for (const termId of this.docTerms[slot] ?? []) this.postings[termId]!.remove(slot);
    for (let field = 0; field < FIELD_COUNT; field++) {
      this.totalFieldLength[field]! -= this.fieldLengths[slot * FIELD_COUNT + field]!;
    }
    this.ids[slot] = undefined;
    this.docTerms[slot] = undefined;
    this.claimTexts[slot] = '';
    this.titleTexts[slot] = undefined;
    // Replacing entries leaves empty slots behind; renumber once they outnumber the live ones.
    const empty = this.ids.length - this.slotById.size;
    if (empty > MIN_EMPTY_SLOTS_TO_COMPACT && empty > this.slotById.size) this.compact();
  }

  /**
   * Renumbers the live documents 0..size-1 in their current order. The mapping keeps order, so
   * every posting list stays sorted and is rewritten in place: no document is tokenised again.
   */
  private compact(): void {
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
        this.docTerms[next] = this.docTerms[slot];
        this.claimTexts[next] = this.claimTexts[slot]!;
        this.titleTexts[next] = this.titleTexts[slot];
      }
      this.slotById.set(this.ids[next]!, next);
      next++;
    }
    this.ids.length = next;
    this.docTerms.length = next;
    this.claimTexts.length = next;
    this.titleTexts.length = next;
    for (const list of this.postings) list.renumber(newSlot);
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
    return this.docTerms[slot] ?? new Int32Array(0);
  }

  /** Distinct term ids of the document's claim (`claim`) and of claim plus title (`headline`). */
  headlineTermsAt(slot: number): { claim: Int32Array; headline: Int32Array } {
    const terms = this.docTerms[slot] ?? new Int32Array(0);
    return {
      claim: terms.subarray(0, this.headlineEnds[slot * 2]),
      headline: terms.subarray(0, this.headlineEnds[slot * 2 + 1]),
    };
  }

  /** BM25F over the query terms; the best `limit` documents not in `exclude`, best first. */
  score(terms: readonly WeightedTerm[], parameters: BM25FParameters, limit: number, exclude?: ReadonlySet<string>): ScoredSlot[] {
    if (this.size === 0 || terms.length === 0) return [];
    if (this.accumulator.length < this.ids.length) this.accumulator = new Float64Array(this.ids.length * 2);
    const accumulator = this.accumulator;
    const touched: number[] = [];
    const { k1 } = parameters;
    const scale = this.fieldScales(parameters);
    for (const { termId, weight: queryWeight } of terms) {
      const list = this.postings[termId];
      if (!list || list.length === 0) continue;
      const termWeight = queryWeight * this.idf(termId);
      const { slots, counts } = list;
      for (let i = 0; i < list.length; i++) {
        const slot = slots[i]!;
        let tf = 0;
        for (let field = 0; field < FIELD_COUNT; field++) {
          const count = counts[i * FIELD_COUNT + field]!;
          if (count !== 0) tf += count * scale[slot * FIELD_COUNT + field]!;
        }
        const contribution = (termWeight * tf) / (k1 + tf);
        if (contribution <= 0) continue; // a zero-weight field must not mark the slot as touched twice
        if (accumulator[slot] === 0) touched.push(slot);
        accumulator[slot]! += contribution;
      }
    }
    const best = selectBest(touched, accumulator, limit, (slot) => !exclude?.has(this.ids[slot]!));
    for (const slot of touched) accumulator[slot] = 0;
    return best;
  }

  /**
   * Per slot and field: weight / (1 − b + b · length / average length), the BM25F factor of one
   * occurrence. Kept between queries and recomputed only after the documents or parameters change.
   */
  private fieldScales(parameters: BM25FParameters): Float32Array {
    if (this.scales && this.scalesFor === parameters && this.scalesVersion === this.version) return this.scales;
    const scales = new Float32Array(this.ids.length * FIELD_COUNT);
    for (let field = 0; field < FIELD_COUNT; field++) {
      const { weight, b } = parameters.fields[field]!;
      const average = this.totalFieldLength[field]! / this.size || 1;
      for (let slot = 0; slot < this.ids.length; slot++) {
        const at = slot * FIELD_COUNT + field;
        scales[at] = weight / (1 - b + (b * this.fieldLengths[at]!) / average);
      }
    }
    this.scales = scales;
    this.scalesFor = parameters;
    this.scalesVersion = this.version;
    return scales;
  }

  private internTerm(term: string): number {
    let termId = this.termIds.get(term);
    if (termId === undefined) {
      termId = this.postings.length;
      this.termIds.set(term, termId);
      this.postings.push(new PostingList());
    }
    return termId;
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.kinds.length) return;
    const capacity = Math.max(slots, this.kinds.length * 2);
    this.kinds = grown(this.kinds, capacity, Uint8Array);
    this.fieldLengths = grown(this.fieldLengths, capacity * FIELD_COUNT, Float32Array);
    this.headlineEnds = grown(this.headlineEnds, capacity * 2, Uint16Array);
  }
}

function grown<T extends Uint8Array | Uint16Array | Float32Array>(
  array: T,
  length: number,
  Type: new (length: number) => T,
): T {
  const copy = new Type(length);
  copy.set(array);
  return copy;
}
