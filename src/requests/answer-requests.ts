import { CONFIDENT_MATCH, type LookupOutcome } from '../core/lookup.js';
import type { FactcheckRequest, RequestAnswer } from '../model/store-data.js';
import type { Store } from '../store/store.js';

/** What answering needs from the search: the same text and link lookups the bot answers with. */
export interface RequestSearcher {
  lookupText(text: string, options?: { limit?: number }): Promise<LookupOutcome>;
  lookupUrl(url: string, options?: { limit?: number }): Promise<LookupOutcome>;
}

export interface AnswerOptions {
  store: Store;
  /** Searches the fact-checks that may answer (the bot's index, or one over an import's claims). */
  searcher: RequestSearcher;
  /** Only these fact-checks count as answers: the ones just added or changed. */
  answerIds: ReadonlySet<string>;
  via: RequestAnswer['via'];
  now?: Date;
}

/**
 * Marks open requests answered when one of the new fact-checks matches them: by one of their
 * links (exact, canonical) or, for text, by a confident text match. The askers are then due a
 * notification (see `RequestNotifications`). Resolves to the requests it answered.
 */
export async function answerOpenRequests(options: AnswerOptions): Promise<FactcheckRequest[]> {
  if (options.answerIds.size === 0) return [];
  const open = await options.store.listRequests({ status: 'open' });
  if (open.length === 0) return [];

  const answers = new Map<string, RequestAnswer['results']>();
  for (const request of open) {
    const results = await matchesFor(request, options);
    if (results.length > 0) answers.set(request.id, results);
  }
  if (answers.size === 0) return [];

  const at = (options.now ?? new Date()).toISOString();
  const changed = await options.store.changeRequests([...answers.keys()], (current, id) =>
    current?.status === 'open' ? { ...current, status: 'answered', answer: { results: answers.get(id)!, at, via: options.via } } : undefined,
  );
  return changed.filter((request): request is FactcheckRequest => request?.status === 'answered' && request.answer?.at === at);
}

async function matchesFor(request: FactcheckRequest, options: AnswerOptions): Promise<RequestAnswer['results']> {
  const outcomes = await Promise.all([
    ...request.links.map((link) => options.searcher.lookupUrl(link, { limit: 3 })),
    ...(request.links.length === 1 && request.key === request.links[0] ? [] : [options.searcher.lookupText(request.text, { limit: 3 })]),
  ]);
  const best = new Map<string, number>();
  for (const outcome of outcomes) {
    for (const result of outcome.results) {
      // A link's words alone are too weak to tell people their question was answered.
      if (result.reason === 'url-words' || result.score < CONFIDENT_MATCH || !options.answerIds.has(result.id)) continue;
      best.set(result.id, Math.max(best.get(result.id) ?? 0, result.score));
    }
  }
  return [...best].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, score]) => ({ id, score }));
}
