import { VERDICT_LABELS } from '../model/verdict.js';

/** Every user-facing sentence of curation, in one place. */
export const curationMessages = {
  staffOnly: 'Only fact-check staff can add or correct fact-checks.',
  unknownId: (id: string) => `There is no fact-check with id "${id}" to correct. Leave the id empty to add a new one.`,
  needsClaim: 'Give the claim that was checked.',
  needsRating: 'Give a rating (False, Misleading, Mostly true…) or a verdict.',
  needsReviewer: 'Say who checked it (your desk or the publisher), or give the link to the fact-check.',
  invalid: (problems: string) => `That fact-check is not quite right: ${problems}`,
  olderThanStored: (id: string, date: string) =>
    `A newer review of this claim is already stored (id "${id}", ${date}); nothing was changed. Give its id to correct it.`,
  added: 'Added to the fact-check store:',
  updated: (id: string) => `Updated the fact-check "${id}":`,
  unchanged: (id: string) => `The fact-check "${id}" already says exactly that; nothing was changed.`,
  unknownRating: (rating: string) =>
    `“${rating}” is not in the verdict table, so the verdict is ${VERDICT_LABELS.other}. Add a verdict to set it.`,
  answeredRequests: (requests: number, people: number) =>
    `It answers ${requests} open request${requests === 1 ? '' : 's'}: ${people} ${people === 1 ? 'person' : 'people'} will be told where they asked.`,
} as const;
