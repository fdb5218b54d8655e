import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
}

/**
 * Loads `<dir>/claims.jsonl`, `<dir>/<split>.queries.tsv` and `<dir>/<split>.qrels`. Claims become
 * ordinary claim reviews so the bench searches them exactly as the bot would.
 */
export async function loadBenchSet(dir: string, split: string): Promise<BenchSet> {
  const [claimsText, queriesText, qrelsText] = await Promise.all([
    readFile(path.join(dir, 'claims.jsonl'), 'utf8'),
    readFile(path.join(dir, `${split}.queries.tsv`), 'utf8'),
    readFile(path.join(dir, `${split}.qrels`), 'utf8'),
  ]);
  const name = path.basename(path.resolve(dir));
  return { name, claims: parseClaims(claimsText, name), queries: parseQueries(queriesText), qrels: parseQrels(qrelsText) };
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

function parseQueries(text: string): BenchQuery[] {
  return lines(text).map((line) => {
    const tab = line.indexOf('\t');
    return { id: line.slice(0, tab), text: line.slice(tab + 1) };
  });
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
