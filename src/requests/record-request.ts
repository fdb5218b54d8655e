import type { Requester } from '../core/command.js';
import type { FactcheckRequest, RequestAsker } from '../model/store-data.js';
import type { Store } from '../store/store.js';
import { requestIdentity } from './request-key.js';

/** Requests keep the text as asked, up to this length (a button's payload must carry it). */
export const MAX_REQUEST_TEXT = 1500;

export interface RecordedRequest {
  request: FactcheckRequest;
  /** False when this person had already asked for it. */
  newAsker: boolean;
}

/**
 * Records that someone asked for a fact-check. The same text (or link) asked again is the same
 * request: a new person is added to its askers (they will be told too), the same person asking
 * twice is counted once. A request that was answered and is asked for again opens anew.
 */
export async function recordRequest(store: Store, text: string, requester: Requester, now = new Date()): Promise<RecordedRequest> {
  const asked = text.trim().slice(0, MAX_REQUEST_TEXT);
  const identity = requestIdentity(asked);
  const at = now.toISOString();
  const asker: RequestAsker = {
    platform: requester.platform,
    scope: requester.scope,
    ...(requester.channelId ? { channelId: requester.channelId } : {}),
    ...(requester.userId ? { userId: requester.userId } : {}),
    at,
  };
  let newAsker = true;
  const [request] = await store.changeRequests([identity.id], (current) => {
    if (!current || current.status === 'answered') {
      return {
        id: identity.id,
        text: current?.text ?? asked,
        key: identity.key,
        links: identity.links,
        status: 'open',
        askers: [asker],
        firstAskedAt: at,
        lastAskedAt: at,
      };
    }
    const already = current.askers.some((existing) => sameAsker(existing, asker));
    newAsker = !already;
    return {
      ...current,
      links: [...new Set([...current.links, ...identity.links])],
      askers: already ? current.askers : [...current.askers, asker],
      lastAskedAt: at,
    };
  });
  return { request: request!, newAsker };
}

/** One person: the same user in the same workspace. Anonymous asks are each their own person. */
function sameAsker(a: RequestAsker, b: RequestAsker): boolean {
  return a.userId !== undefined && a.userId === b.userId && a.platform === b.platform && a.scope === b.scope;
}

/** How many people asked (distinct askers). */
export function askerCount(request: FactcheckRequest): number {
  return request.askers.length;
}
