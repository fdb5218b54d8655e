import { ClaimantCounts, NO_CLAIMANT } from './claimant-counts.js';
import { SEARCH_CONFIG } from './config.js';
import { FIELDS } from './fields.js';
import { InvertedIndex, type BM25FParameters, type InvertedIndexState, type WeightedTerm } from './inverted-index.js';
import { queryWords, queryWordsOf } from './query-terms.js';
import type { LinearModel } from './linear-model.js';
import { normalizeText } from './normalize.js';
import { cleanQuery } from './query-cleanup.js';
import { carriesMedia } from './media-mentions.js';
import { postDate } from './post-date.js';
import { SlotNumbers, UNSET } from './slot-numbers.js';
import { rerank, type RankedCandidate } from './rerank.js';
import { tokenize, tokenizeNormalized } from './tokenize.js';
import { TypoIndex, type PackedGrams } from './typo-index.js';
import type { SearchDocument, SearchHit, SearchOptions, SemanticSimilarity, TextSearcher } from './types.js';

export interface SearchIndexState {
  index: InvertedIndexState;
  typos: { surfaces: readonly string[]; terms: readonly string[]; grams?: PackedGrams };
  /** Per slot, the folded claimant counted for the claimant prior (null: none); with the index's texts, a state needs no documents. */
  claimants?: (string | null)[];
}

/** The word a text ends in, when it ends inside one (no space or punctuation typed after it yet). */
const UNFINISHED_WORD = /[\p{L}\p{M}\p{N}]+$/u;
/** Completions of an unfinished word searched for: "vac" stands for vaccine, vaccines, vacation... */
const MAX_COMPLETIONS = 8;
/** Weight of a completion (the word as typed, when known, weighs 1). */
const COMPLETION_WEIGHT = 0.9;

const BM25F: BM25FParameters = {
  k1: SEARCH_CONFIG.k1,
  fields: FIELDS.map((field) => SEARCH_CONFIG.fields[field]),
};

/**
 * Full-text search over claims and articles: BM25F candidates from an inverted index (typo
 * corrections included), reranked on how well each candidate's claim matches the query, with
 * a confidence comparable across queries. Documents are added and removed one at a time.
 */
export class SearchIndex implements TextSearcher {
  /** A word as written → its term id: one map lookup per word once the word has been seen. */
  private readonly termIdBySurface = new Map<string, number>();
  private readonly claimants = new ClaimantCounts();
  /** Per slot, the number its claimant is counted under (see ClaimantCounts). */
  private readonly claimantBySlot = new SlotNumbers();
  /** Per slot, where its claim's sentence vector is kept, as far as looked up under `vectorPlacesToken`. */
  private readonly vectorPlaceBySlot = new SlotNumbers();
  private vectorPlacesToken: object | undefined;

  constructor(
    private readonly index = new InvertedIndex(),
    private readonly typos = new TypoIndex(),
  ) {}

  get size(): number {
    return this.index.size;
  }

  has(id: string): boolean {
    return this.index.kindOf(id) !== undefined;
  }

  /** Whether the document with this id is a claim or an article; undefined when it is not indexed. */
  kindOf(id: string): 'claim' | 'article' | undefined {
    return this.index.kindOf(id);
  }

  /** The kind of the document in this slot (the position of its id in an exported state's `ids`); undefined for an emptied slot. */
  kindAt(slot: number): 'claim' | 'article' | undefined {
    return this.index.idAt(slot) === undefined ? undefined : this.index.kindAt(slot);
  }

  /** Every indexed document's claim text (what the sentence encoder embeds), in slot order. */
  *claimTexts(): Generator<{ id: string; text: string }> {
    for (let slot = 0; slot < this.index.slotCount; slot++) {
      const id = this.index.idAt(slot);
      if (id !== undefined) yield { id, text: this.index.claimTextAt(slot) };
    }
  }

  add(document: SearchDocument): void {
    // A replaced document is taken out first, so its claimant is no longer counted.
    this.remove(document.id);
    const fieldTermIds = FIELDS.map((field) => this.termIdsOf(document[field] ?? ''));
    const slot = this.index.add({ id: document.id, kind: document.kind, fieldTermIds, claimText: document.claim, titleText: document.title });
    this.claimantBySlot.set(slot, this.claimants.add(document.claimant));
  }

  remove(id: string): void {
    const slot = this.index.slotOf(id);
    if (slot === undefined) return;
    this.claimants.remove(this.claimantBySlot.get(slot));
    this.claimantBySlot.set(slot, NO_CLAIMANT);
    const renumbered = this.index.remove(id);
    if (renumbered) {
      this.claimantBySlot.renumber(renumbered);
      this.vectorPlaceBySlot.renumber(renumbered);
    }
  }

  /** Packs what was added since the last call and prepares the scorer's term bounds; for after a bulk build. */
  settle(): void {
    this.index.settle();
    this.index.useBounds(BM25F);
  }

  /** Everything but the documents' texts, for a snapshot (`fromState` restores it). */
  exportState(): SearchIndexState {
    const typos = this.typos.words();
    // Copies of the growing lists: later additions must not leak into a state being written.
    const index = this.index.exportState();
    return {
      index,
      typos: { surfaces: typos.surfaces.slice(), terms: typos.terms.slice(), grams: this.typos.packedGrams() },
      claimants: index.ids.map((id, slot) => (id === null ? null : (this.claimants.keyAt(this.claimantBySlot.get(slot)) ?? null))),
    };
  }

  /**
   * A search index restored from `exportState`. Given the documents it was built from, it checks
   * that it holds exactly those (throwing when not) and takes their claimants, and their texts when
   * the state has none. Without documents the state must hold texts and claimants itself: what a
   * start needs when the entries live in a database and are read only by id.
   */
  static fromState(state: SearchIndexState, documents?: Iterable<SearchDocument>): SearchIndex {
    const index = InvertedIndex.fromState(state.index);
    index.useBounds(BM25F);
    const restored = new SearchIndex(index, TypoIndex.fromWords(state.typos.surfaces, state.typos.terms, state.typos.grams));
    if (!documents) {
      const { claimants } = state;
      if (!state.index.texts || !claimants || claimants.length !== state.index.ids.length) throw new Error('index state needs its documents');
      state.index.ids.forEach((id, slot) => {
        if (id !== null) restored.claimantBySlot.set(slot, restored.claimants.addKey(claimants[slot] ?? undefined));
      });
      return restored;
    }
    let count = 0;
    for (const document of documents) {
      const held = state.index.texts ? index.kindOf(document.id) !== undefined : index.attachText(document.id, document.claim, document.title);
      if (!held) throw new Error(`index state lacks ${document.id}`);
      restored.claimantBySlot.set(index.slotOf(document.id)!, restored.claimants.add(document.claimant));
      count++;
    }
    if (count !== index.size) throw new Error('index state holds documents that are not given');
    return restored;
  }

  private termIdsOf(text: string): number[] {
    const tokens = tokenize(text);
    const termIds = new Array<number>(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const { surface, term } = tokens[i]!;
      let termId = this.termIdBySurface.get(surface);
      if (termId === undefined) {
        this.typos.add(surface, term);
        termId = this.index.internTerm(term);
        this.termIdBySurface.set(surface, termId);
      }
      termIds[i] = termId;
    }
    return termIds;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? SEARCH_CONFIG.defaultLimit;
    if (limit <= 0) return [];
    return this.rankedPool(query, limit, options.exclude, undefined, options.semantic)
      .slice(0, limit)
      .map((hit) => ({ id: this.index.idAt(hit.slot)!, kind: this.index.kindAt(hit.slot), confidence: hit.confidence }));
  }

  /**
   * Documents for text still being typed (autocomplete), best first: its finished words as in a
   * search (typo corrections included) and, when it ends inside a word, that word's most frequent
   * completions from the vocabulary (or, when nothing starts so, the word as a search would take
   * it). BM25F order only, without the rerank: this runs on every keystroke.
   */
  complete(typed: string, limit: number): string[] {
    if (limit <= 0) return [];
    const normalized = normalizeText(typed);
    // Folding trims the text: whether a word is still being typed is read from the text as typed.
    const unfinished = UNFINISHED_WORD.test(typed) ? UNFINISHED_WORD.exec(normalized)?.[0] : undefined;
    const completions = unfinished ? this.completionsOf(unfinished) : [];
    const finished = completions.length > 0 ? normalized.slice(0, normalized.length - unfinished!.length) : normalized;
    // A known word typed in full outweighs the longer words it begins ("tea" before "teachers").
    const typedTermId = unfinished ? this.index.termId(tokenize(unfinished)[0]?.term ?? '') : undefined;
    const weightById = new Map<number, number>(completions.map((termId) => [termId, termId === typedTermId ? 1 : COMPLETION_WEIGHT]));
    for (const word of queryWords(finished, this.index, this.typos)) {
      for (const { termId, weight } of word.variants) weightById.set(termId, Math.max(weightById.get(termId) ?? 0, weight));
    }
    const terms = [...weightById].map(([termId, weight]) => ({ termId, weight }));
    return this.index.score(terms, BM25F, limit).map((hit) => this.index.idAt(hit.slot)!);
  }

  /** Term ids of the known words starting with `prefix`, those in most documents first. */
  private completionsOf(prefix: string): number[] {
    const documentsByTerm = new Map<number, number>();
    for (const { term } of this.typos.completions(prefix)) {
      const termId = this.index.termId(term);
      if (termId !== undefined && this.index.documentFrequency(termId) > 0) documentsByTerm.set(termId, this.index.documentFrequency(termId));
    }
    return [...documentsByTerm]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_COMPLETIONS)
      .map(([termId]) => termId);
  }

  /**
   * The reranked candidate pool of a query (at least `limit`), with each candidate's features:
   * what `search` returns the head of, and what the reranker is trained on.
   */
  candidates(query: string, limit: number, exclude?: ReadonlySet<string>, model?: LinearModel, semantic?: SemanticSimilarity): (RankedCandidate & { id: string })[] {
    return this.rankedPool(query, limit, exclude, model, semantic).map((hit) => ({ ...hit, id: this.index.idAt(hit.slot)! }));
  }

  /** `candidates` by slot: a lookup names only the head it returns. */
  private rankedPool(query: string, limit: number, exclude?: ReadonlySet<string>, model?: LinearModel, semantic?: SemanticSimilarity): RankedCandidate[] {
    const { text: cleaned, mentions } = cleanQuery(query);
    // Folded and split once, for the words looked up and the rerank's measures alike.
    const normalized = normalizeText(cleaned);
    const tokens = tokenizeNormalized(normalized);
    const words = queryWordsOf(tokens, mentions, this.index, this.typos);
    // A repeated word counts more, but less than linearly (√count did best on the train splits).
    const terms: WeightedTerm[] = words.flatMap((word) =>
      word.variants.map((variant) => ({ termId: variant.termId, weight: variant.weight * Math.sqrt(word.count) })),
    );
    const pool = Math.max(limit, SEARCH_CONFIG.candidatePool);
    const candidates = this.index.score(terms, BM25F, pool, exclude);
    const shape = {
      terms: tokens.map((token) => token.term),
      text: normalized,
      media: carriesMedia(query),
      posted: postDate(query),
    };
    const claimantPrior = (slot: number) => this.claimants.prior(this.claimantBySlot.get(slot));
    return rerank(words, shape, candidates, this.index, model, claimantPrior, semantic && this.semanticBySlot(semantic));
  }

  /** The query's similarity to the claim in a slot, through the slot's remembered vector place when the similarity tells places. */
  private semanticBySlot(semantic: SemanticSimilarity): (slot: number) => number | undefined {
    const places = semantic.places;
    if (!places) return (slot) => semantic(this.index.idAt(slot)!);
    if (places.token !== this.vectorPlacesToken) {
      this.vectorPlaceBySlot.clear();
      this.vectorPlacesToken = places.token;
    }
    return (slot) => {
      let place = this.vectorPlaceBySlot.get(slot);
      if (place === UNSET) {
        place = places.placeOf(this.index.idAt(slot)!);
        // A claim not embedded yet is looked up again next time.
        if (place === UNSET) return undefined;
        this.vectorPlaceBySlot.set(slot, place);
      }
      return places.similarityAt(place);
    };
  }
}
