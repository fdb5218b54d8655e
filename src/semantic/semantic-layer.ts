import { setImmediate as nextTurn } from 'node:timers/promises';
import { logger } from '../log/logger.js';
import { cleanQuery } from '../search/query-cleanup.js';
import type { SemanticSimilarity } from '../search/types.js';
import { ClaimVectors } from './claim-vectors.js';
import { SentenceEncoder } from './sentence-encoder.js';
import { readVectorsFile, writeVectorsFile } from './vectors-file.js';

/** Claims embedded per background step, between which lookups run. */
const STEP = 32;
/** The vectors file is rewritten this long after the last claim was embedded (and at close). */
const SAVE_DELAY_MS = 10_000;

export interface SemanticLayerOptions {
  /** Where the claims' vectors are kept between runs (see vectors-file.ts); none: embedded at every start. */
  vectorsFile?: string;
  /** Reads the vectors file but never writes it (a one-shot lookup beside a running bot). */
  readOnly?: boolean;
  saveDelayMs?: number;
}

/**
 * Meaning-level similarity for the rerank: the query and every indexed claim embedded by the
 * sentence encoder. Claims are embedded in the background, a batch at a time, after a start and
 * after each change; a query whose candidates are not all embedded yet is ranked without it (the
 * rerank then uses the lexical model), so nothing waits for the encoder but the query's own embedding.
 * The encoder loads in the background too (about half a second), and the vectors saved by the last
 * run are read back, so a restart embeds only new and changed claims.
 */
export class SemanticLayer {
  private readonly vectors = new ClaimVectors();
  /** Claims waiting to be embedded: id → text (a newer text replaces a waiting one). */
  private readonly waiting = new Map<string, string>();
  private encoder: SentenceEncoder | undefined;
  private readonly ready: Promise<void>;
  private restored = false;
  private filling: Promise<void> | undefined;
  private failed = false;
  /** Vectors changed since the file was last written. */
  private unsaved = false;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;
  /** Claims of the batch being embedded, taken off `waiting`. */
  private embedding = 0;

  constructor(
    encoder: SentenceEncoder | Promise<SentenceEncoder>,
    private readonly options: SemanticLayerOptions = {},
  ) {
    const loaded = Promise.resolve(encoder).then(
      (ready) => void (this.encoder = ready),
      (error: unknown) => this.disable(error),
    );
    this.ready = Promise.all([loaded, this.restore()]).then(() => this.fill());
  }

  /** A layer whose encoder loads in the background (one CPU thread, so lookups keep the other core). */
  static start(options: SemanticLayerOptions = {}): SemanticLayer {
    return new SemanticLayer(SentenceEncoder.load(), options);
  }

  /** Claims embedded so far. */
  get embedded(): number {
    return this.vectors.size;
  }

  /** Queues the claims that have no embedding of their current text, dropping an old text's vector at once. */
  embedMissing(claims: Iterable<{ id: string; text: string }>): void {
    for (const { id, text } of claims) {
      // Before the saved vectors are read, everything waits; restoring them sorts out what is current.
      if (this.restored && this.vectors.has(id, text)) continue;
      this.vectors.delete(id);
      this.waiting.set(id, text);
    }
    this.fill();
  }

  forget(id: string): void {
    this.waiting.delete(id);
    this.vectors.delete(id);
    this.unsaved = true;
  }

  /**
   * Once the encoder has loaded (or failed to) and the saved vectors are read: how many claims
   * still wait to be embedded (0 when the encoder failed: nothing will be).
   */
  async backlog(): Promise<number> {
    await this.ready;
    return this.waiting.size + this.embedding;
  }

  /** Settles when the encoder has loaded (or failed to) and every queued claim is embedded. */
  async whenEmbedded(): Promise<void> {
    await this.ready;
    while (this.filling) await this.filling;
  }

  /** Stops embedding (the batch under way finishes), writes the vectors file if it is behind, and releases the encoder; once. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    await this.ready;
    this.failed = true;
    this.waiting.clear();
    await this.filling;
    clearTimeout(this.saveTimer);
    await this.save();
    await this.encoder?.release();
  }

  /** Writes the vectors file now if vectors changed since it was written (tests, shutdown). */
  async save(): Promise<void> {
    await this.saving;
    const file = this.options.vectorsFile;
    if (!file || !this.unsaved || this.options.readOnly) return;
    this.unsaved = false;
    this.saving = writeVectorsFile(file, this.vectors.exportState()).catch((error: unknown) => {
      this.unsaved = true;
      logger.warn({ err: error, file }, 'could not save the claims’ sentence vectors');
    });
    await this.saving;
  }

  /**
   * The similarity of this query to indexed claims, for `SearchOptions.semantic`; undefined when
   * the encoder failed (logged once) or has not loaded yet, so the lookup goes on lexically.
   */
  async similarityTo(query: string): Promise<SemanticSimilarity | undefined> {
    if (this.failed || !this.encoder) return undefined;
    try {
      const embedding = await this.encoder.embed(queryEmbeddingText(query));
      const vectors = this.vectors;
      const similarity: SemanticSimilarity = (id) => vectors.similarity(embedding, id);
      similarity.places = {
        placeOf: (id) => vectors.placeOf(id),
        similarityAt: (place) => vectors.similarityAt(embedding, place),
        // Read when the index uses it, not when the query was embedded: a vector may be dropped in between.
        get token() {
          return vectors.token;
        },
      };
      return similarity;
    } catch (error) {
      this.disable(error);
      return undefined;
    }
  }

  private async restore(): Promise<void> {
    const file = this.options.vectorsFile;
    if (file) {
      const { state, problem } = await readVectorsFile(file);
      if (problem) logger.warn({ file, problem }, 'saved sentence vectors not used; the claims are embedded again');
      if (state) this.vectors.restore(state);
    }
    this.restored = true;
    // Claims queued before the file was read: those whose saved vector is of their current text are done.
    for (const [id, text] of this.waiting) {
      if (this.vectors.has(id, text)) this.waiting.delete(id);
      else this.vectors.delete(id);
    }
  }

  private fill(): void {
    if (this.filling || this.failed || !this.encoder || !this.restored || this.waiting.size === 0) return;
    this.filling = this.fillAll().finally(() => {
      this.filling = undefined;
      // Claims queued while the last batch ran.
      this.fill();
      if (!this.filling) this.saveLater();
    });
  }

  private async fillAll(): Promise<void> {
    const encoder = this.encoder!;
    while (this.waiting.size > 0 && !this.failed) {
      const batch = [...take(this.waiting, STEP)];
      this.embedding = batch.length;
      try {
        const embeddings = await encoder.embedAll(batch.map(([, text]) => embeddingText(text)));
        // A claim queued again meanwhile (its text changed) keeps waiting for its new text's vector.
        batch.forEach(([id, text], i) => this.waiting.has(id) || this.vectors.set(id, text, embeddings[i]!));
        this.unsaved = true;
      } catch (error) {
        this.disable(error);
      }
      this.embedding = 0;
      // Lookups run between batches.
      await nextTurn();
    }
  }

  private saveLater(): void {
    if (!this.options.vectorsFile || !this.unsaved || this.failed || this.options.readOnly) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), this.options.saveDelayMs ?? SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  private disable(error: unknown): void {
    if (!this.failed) logger.warn({ err: error }, 'sentence encoder failed; lookups rank without it');
    this.failed = true;
    this.waiting.clear();
  }
}

const QUOTES = '"\'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb';
const QUOTE = new RegExp(`[${QUOTES}]`, 'gu');
const LETTER = /\p{L}/u;

/** The text a query is embedded as: the claim its post makes (links, handles, signature gone), as a claim's is. */
export function queryEmbeddingText(query: string): string {
  return embeddingText(cleanQuery(query).text || query);
}

/**
 * The text a claim or query is embedded as. Stores hold the same claim twice with only its quotes
 * changed ("…", '…', “…”), and such twins must score alike, as they do lexically: quote marks go,
 * and an apostrophe inside a word (don’t, O'Rourke) becomes a plain one.
 */
export function embeddingText(text: string): string {
  const inWord = (whole: string, at: number) => LETTER.test(whole[at - 1] ?? '') && LETTER.test(whole[at + 1] ?? '');
  return text
    .replace(QUOTE, (_, at: number, whole: string) => (inWord(whole, at) ? "'" : ''))
    .replace(/\s+/gu, ' ')
    .trim();
}

function* take(waiting: Map<string, string>, count: number): Generator<[string, string]> {
  for (const entry of waiting) {
    if (count-- <= 0) return;
    waiting.delete(entry[0]);
    yield entry;
  }
}
