import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { readVerdict } from '../ingest/normalize-verdict.js';
import type { ClaimReview } from '../model/claim-review.js';

/** One line of a bench set's `claims.jsonl` (see ../shared/bench/README.md). */
const benchClaimSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  claim: z.string(),
  title: z.string().optional(),
  verdict: z.string().optional(),
  speaker: z.string().optional(),
  url: z.string().optional(),
  summary: z.string().optional(),
  appearances: z.array(z.string()).optional(),
});

export interface BenchQuery {
  id: string;
  text: string;
}

export interface BenchSet {
  name: string;
  claims: ClaimReview[];
  queries: BenchQuery[];
  /** query id → ids of the relevant claims */
  qrels: Map<string, Set<string>>;
  /** Queries of the file left out because the qrels name no relevant claim for them (see `loadBenchSet`); none when absent. */
  unjudged?: number;
}

/**
 * Loads `<dir>/claims.jsonl`, `<dir>/<split>.queries.tsv` and `<dir>/<split>.qrels`. Claims become
 * ordinary claim reviews so the bench searches them exactly as the bot would.
 *
 * The queries file may be CheckThat!'s own as published: a header row (no id), and texts quoted
 * as in CSV when they hold quote marks. A query with no relevant claim in the qrels is left out:
 * CheckThat!'s qrels list relevant pairs only, so that is a query its gold file skips (2020's
 * test tweet 1198, a repeat of 1167), which the lab's scorer (trec_eval) leaves out of the mean;
 * counting it as a miss would understate MAP. A qrels file may hold other splits' lines too:
 * only this split's queries are ranked.
 */
export async function loadBenchSet(dir: string, split: string): Promise<BenchSet> {
  const [claimsText, queriesText, qrelsText] = await Promise.all([
    readFile(path.join(dir, 'claims.jsonl'), 'utf8'),
    readFile(path.join(dir, `${split}.queries.tsv`), 'utf8'),
    readFile(path.join(dir, `${split}.qrels`), 'utf8'),
  ]);
  const name = path.basename(path.resolve(dir));
  const qrels = parseQrels(qrelsText);
  const allQueries = parseQueries(queriesText, `${split}.queries.tsv`);
  const queries = allQueries.filter((query) => qrels.has(query.id));
  if (queries.length === 0 && allQueries.length > 0) throw new Error(`${split}.qrels names no relevant claim for any query of ${split}.queries.tsv.`);
  return { name, claims: parseClaims(claimsText, name), queries, qrels, unjudged: allQueries.length - queries.length };
}

function parseClaims(text: string, setName: string): ClaimReview[] {
  return lines(text).map((line, index) => {
    const parsed = benchClaimSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`claims.jsonl line ${index + 1}: ${parsed.error.issues[0]?.message}`);
    const claim = parsed.data;
    return {
      id: claim.id,
      claim: claim.claim,
      title: claim.title || undefined,
      summary: claim.summary || undefined,
      // Read onto the canonical scale as an import would (ranking never reads it), so a store grown
      // from a set shows real verdicts; the publisher's text stays the rating.
      ...verdictOf(claim.verdict),
      reviewer: { name: setName },
      reviewUrl: isHttpUrl(claim.url) ? claim.url : undefined,
      claimant: claim.speaker || undefined,
      language: 'en',
      appearances: (claim.appearances ?? []).filter(isHttpUrl),
      tags: [],
    } satisfies ClaimReview;
  });
}

function verdictOf(rating: string | undefined): Pick<ClaimReview, 'verdict' | 'rating'> {
  const reading = rating ? readVerdict({ text: rating }) : undefined;
  return reading ? { verdict: reading.verdict, rating: reading.rating } : { verdict: 'other', rating: 'Not rated' };
}

/** `id<TAB>text` rows; a row without an id is a header. */
function parseQueries(text: string, file: string): BenchQuery[] {
  // relax_quotes: a text may hold quote marks without being quoted (the shared sets' files are so).
  const rows: string[][] = parse(text, { delimiter: '\t', relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
  const queries: BenchQuery[] = [];
  rows.forEach((row, index) => {
    const [id = '', ...rest] = row;
    if (id.trim() === '') return;
    if (rest.length === 0) throw new Error(`${file} row ${index + 1}: expected "id<TAB>text", found no tab.`);
    queries.push({ id: id.trim(), text: rest.join('\t') });
  });
  return queries;
}

function parseQrels(text: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  for (const line of lines(text)) {
    const [queryId, , claimId, relevance] = line.split(/\s+/);
    if (!queryId || !claimId || relevance === '0') continue;
    if (!qrels.has(queryId)) qrels.set(queryId, new Set());
    qrels.get(queryId)!.add(claimId);
  }
  return qrels;
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function isHttpUrl(value: string | undefined): value is string {
  return Boolean(value && /^https?:\/\/\S+$/i.test(value));
}
