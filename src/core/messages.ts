/** Every user-facing sentence of the core, in one place so wording stays consistent. */
export const messages = {
  unknownCommand: (name: string) => `There is no command called "${name}". Try /help to see what factdesk can do.`,
  invalidOptions: (command: string, problems: string) => `That /${command} request is not quite right: ${problems}`,
  fault: 'Something went wrong on our side while answering that. It has been logged; please try again in a moment.',
  emptyQuery: 'Tell me what to check: a claim in a few words, or a link.',
  queryTooLong: (max: number) => `That is longer than I can search (${max} characters at most). Paste the key sentence or the link instead.`,
  invalidUrl: (input: string) => `"${input}" does not look like a web link. Try a full address such as https://example.com/story.`,
  noConfidentMatch: 'No confident match in the fact-check store. These are the closest entries; none is known to be the same claim.',
  noMatchAtAll: 'No fact-check in the store matches that. It may not have been checked yet.',
  urlWordsNote: 'No fact-check is linked to that exact URL, so these match the words in the link: a weaker match.',
  emptyMessage: 'That message has no text or links to check.',
  nothingClaimLike: 'I found no links or claim-like sentences to check in that message.',
  helpIntro: 'factdesk looks claims and links up in a store of published fact-checks and tells you the verdict, who checked it and why.',
} as const;
