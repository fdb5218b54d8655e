import type { FactcheckRequest, RequestAsker } from '../model/store-data.js';

/** Open requests, most asked first (then most recent), as plain text lines for staff. */
export function renderOpenRequests(requests: readonly FactcheckRequest[], limit: number): string {
  const sorted = sortOpenRequests(requests);
  const shown = sorted.slice(0, limit);
  const lines = [`Open fact-check requests: ${requests.length}${requests.length > shown.length ? ` (the ${shown.length} most asked shown)` : ''}, most asked first.`];
  shown.forEach((request, index) => {
    const people = request.askers.length;
    lines.push(
      `${index + 1}. “${clip(request.text)}”: ${people} ${people === 1 ? 'person' : 'people'}, first asked ${day(request.firstAskedAt)}` +
        (request.lastAskedAt !== request.firstAskedAt ? `, last ${day(request.lastAskedAt)}` : ''),
    );
    if (request.links.length > 0) lines.push(`   Links: ${request.links.join(' ')}`);
    lines.push(`   Asked in: ${places(request.askers)}`);
  });
  return lines.join('\n');
}

export function sortOpenRequests(requests: readonly FactcheckRequest[]): FactcheckRequest[] {
  return [...requests].sort((a, b) => b.askers.length - a.askers.length || b.lastAskedAt.localeCompare(a.lastAskedAt));
}

/** `slack:T1 channel C1 by U1, U2; console by console`. */
function places(askers: readonly RequestAsker[]): string {
  const byPlace = new Map<string, string[]>();
  for (const asker of askers) {
    const place = `${asker.scope}${asker.channelId ? ` channel ${asker.channelId}` : ''}`;
    byPlace.set(place, [...(byPlace.get(place) ?? []), asker.userId ?? 'someone']);
  }
  return [...byPlace].map(([place, users]) => `${place} by ${[...new Set(users)].join(', ')}`).join('; ');
}

function day(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')}${iso.length > 10 ? ' UTC' : ''}`;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}
