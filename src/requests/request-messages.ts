/** Every user-facing sentence about fact-check requests, in one place. */
export const requestMessages = {
  /** The label of the action offered on a reply with no confident match. */
  requestAction: 'Request a fact-check',
  recorded: (text: string, people: number) =>
    `Request recorded: the fact-check desk will look at “${quote(text)}”. ` +
    (people > 1 ? `${people} people have asked for it. ` : '') +
    'You will be told here when a fact-check is published.',
  alreadyAsked: (text: string, people: number) =>
    `You have already asked for “${quote(text)}”; ${people > 1 ? `${people} people are waiting for it` : 'it is still open'}. You will be told here when it is checked.`,
  alreadyChecked: 'This has been fact-checked already:',
  answered: (text: string, askedOn: string) => `You asked for a fact-check of “${quote(text)}” on ${askedOn.slice(0, 10)}. It has been checked:`,
  noOpenRequests: 'There are no open fact-check requests.',
  staffOnly: (command: string) => `Only fact-check staff can use /${command}.`,
} as const;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
