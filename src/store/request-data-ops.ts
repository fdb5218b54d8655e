import { FaultError } from '../core/errors.js';
import {
  factcheckRequestSchema,
  lookupRecordSchema,
  type FactcheckRequest,
  type LookupRecord,
  type StoreData,
} from '../model/store-data.js';
import { describeFirstIssue } from './describe-issue.js';

// Pure changes to the requests and lookups of a StoreData value, shared by the lowdb backends;
// PostgreSQL applies the same rules in SQL.

/** Lookups are kept this long: `factcheck-stats` looks one week back, with room to spare. */
export const LOOKUP_RETENTION_DAYS = 30;

/** Signature of `Store.changeRequests`'s callback. */
export type RequestChange = (current: FactcheckRequest | undefined, id: string) => FactcheckRequest | undefined;

/** The requests a change produced, validated; ids and values must agree. */
export function validateRequest(request: FactcheckRequest, id: string, refuse: (problem: string) => string): FactcheckRequest {
  const parsed = factcheckRequestSchema.safeParse(request);
  if (!parsed.success) throw new FaultError(refuse(`request "${id}": ${describeFirstIssue(parsed.error, request)}`));
  if (parsed.data.id !== id) throw new FaultError(refuse(`request "${id}": its change returned id "${parsed.data.id}"`));
  return parsed.data;
}

export function validateLookups(records: readonly LookupRecord[], refuse: (problem: string) => string): LookupRecord[] {
  return records.map((record, index) => {
    const parsed = lookupRecordSchema.safeParse(record);
    if (!parsed.success) throw new FaultError(refuse(`lookups[${index}]: ${describeFirstIssue(parsed.error, record)}`));
    return parsed.data;
  });
}

/** Applies `change` to each id in turn (later ids see earlier results) and returns the new data. */
export function withChangedRequests(
  data: StoreData,
  ids: readonly string[],
  change: RequestChange,
  refuse: (problem: string) => string,
): { data: StoreData; result: (FactcheckRequest | undefined)[] } {
  const byId = new Map(data.requests.map((request) => [request.id, request] as const));
  let changed = false;
  const result = ids.map((id) => {
    const next = change(byId.get(id), id);
    if (next === undefined) return byId.get(id);
    byId.set(id, validateRequest(next, id, refuse));
    changed = true;
    return byId.get(id);
  });
  return { data: changed ? { ...data, requests: [...byId.values()] } : data, result };
}

export function withLookups(data: StoreData, records: readonly LookupRecord[], now = Date.now()): StoreData {
  const cutoff = now - LOOKUP_RETENTION_DAYS * 24 * 60 * 60 * 1000;
  const kept = data.lookups.filter((record) => Date.parse(record.at) >= cutoff);
  return { ...data, lookups: [...kept, ...records] };
}

export function lookupsSince(records: readonly LookupRecord[], since: string): LookupRecord[] {
  const from = Date.parse(since);
  return records.filter((record) => Date.parse(record.at) >= from);
}
