import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { addFactcheck } from '../src/curation/add-factcheck.js';
import { curationMessages } from '../src/curation/curation-messages.js';
import { VERDICTS } from '../src/model/verdict.js';

/** Forms send every input, empty ones as "": an empty input means "not given". */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/**
 * Staff add a fact-check, or correct one: a modal in Slack and Discord, prompts in the console
 * (see `FACTCHECK_ADD_FORM`). The result is checked like an imported record, searchable at once,
 * and answers any open request it matches.
 */
export default defineCommand({
  name: 'factcheck-add',
  description: 'Staff: add a fact-check to the store, or correct one',
  usage: 'factcheck-add [claim]',
  textOption: 'claim',
  // Option names are lower case: Discord refuses any other.
  options: z.object({
    claim: text(2000).describe('The claim, as it circulates'),
    rating: text(200).describe('The rating in your or the publisher’s words: False, Misleading, Pants on Fire, Falso…'),
    verdict: z
      .preprocess((value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value), z.enum(VERDICTS).optional())
      .describe('The canonical verdict, when the rating does not say it plainly'),
    reviewer: text(200).describe('Who checked it: your desk or the publisher'),
    link: text(2000).describe('Link to the published fact-check'),
    summary: text(3000).describe('Why, in a few lines'),
    claimant: text(200).describe('Who made the claim'),
    date: text(40).describe('Date of the fact-check, e.g. 2024-05-01 (default: today)'),
    claim_date: text(40).describe('When the claim was made'),
    language: text(35).describe('Language of the claim: en, es, pt-BR…'),
    title: text(300).describe('Headline of the fact-check'),
    appearances: text(3000).describe('Links where the claim circulated, separated by spaces or new lines'),
    id: text(200).describe('Id of the entry to correct; empty to add a new one'),
  }),
  async handler(options, { lookup, store, requester }) {
    if (!requester.permissions?.curate) throw new UserError('forbidden', curationMessages.staffOnly);
    const { appearances, link, date, claim_date, ...fields } = options;
    const added = await addFactcheck(
      { lookup, store },
      {
        ...fields,
        reviewUrl: link,
        reviewDate: date,
        claimDate: claim_date,
        ...(appearances ? { appearances: appearances.split(/[\s,]+/).filter(Boolean) } : {}),
      },
    );
    const result = await lookup.resultFor(added.claim.id);
    if (added.outcome === 'unchanged' || !result) {
      return { kind: 'notice', tone: 'info', text: curationMessages.unchanged(added.claim.id) };
    }
    const people = added.answered.reduce((sum, request) => sum + request.askers.length, 0);
    const note = [
      added.outcome === 'added' ? curationMessages.added : curationMessages.updated(added.claim.id),
      added.unknownRating ? curationMessages.unknownRating(added.unknownRating) : undefined,
      added.answered.length > 0 ? curationMessages.answeredRequests(added.answered.length, people) : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    return { kind: 'results', query: added.claim.claim, results: [result], note };
  },
});
