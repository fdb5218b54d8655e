import type { Reply, ResultItem } from '../core/reply.js';

/** One result in the `lookup --json` contract of DESIGN.md. */
export interface LookupJsonResult {
  id: string;
  kind: 'claim' | 'article';
  title: string;
  verdict: string;
  rating: string;
  source: { name: string; url: string | null };
  date: string | null;
  context: string | null;
  score: number;
  matchedBy: 'url' | 'text';
}

/**
 * The JSON printed by `factdesk lookup --json`: `results` holds confident answers only; weaker
 * candidates go to `suggestions` so scripts never mistake them for answers.
 */
export function toLookupJson(query: string, reply: Reply): { query: string; results: LookupJsonResult[]; suggestions: LookupJsonResult[]; note?: string } {
  if (reply.kind === 'results') {
    return { query, results: reply.results.map(toJsonResult), suggestions: [], ...(reply.note ? { note: reply.note } : {}) };
  }
  if (reply.kind === 'no-match') {
    return { query, results: [], suggestions: reply.suggestions.map(toJsonResult), note: reply.message };
  }
  return { query, results: [], suggestions: [] };
}

function toJsonResult(result: ResultItem): LookupJsonResult {
  return {
    id: result.id,
    kind: result.kind,
    title: result.title,
    verdict: result.verdict,
    rating: result.rating,
    source: { name: result.source.name, url: result.source.url ?? null },
    date: result.date ?? null,
    context: result.context ?? null,
    score: result.score,
    matchedBy: result.matchedBy,
  };
}
