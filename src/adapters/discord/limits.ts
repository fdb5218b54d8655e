/** Discord's hard limits: a message that breaks one is rejected whole, so every renderer respects them. */
export const DISCORD_LIMITS = Object.freeze({
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of every title, description, field, footer and author text across a message's embeds. */
  embedsTotal: 6000,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  optionsPerCommand: 25,
  buttonLabel: 80,
  buttonsPerRow: 5,
  modalTitle: 45,
  modalComponents: 5,
  inputLabel: 45,
  inputPlaceholder: 100,
  inputLength: 4000,
  /** Users a message's `allowed_mentions.users` may list. */
  mentionedUsers: 100,
});

/**
 * Shortens text to `max` characters (UTF-16 units, which never undercounts Discord's count),
 * ending with an ellipsis and never splitting a surrogate pair or a backslash escape.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // A lone trailing backslash would escape the ellipsis instead of the character it was meant for.
  const trailingBackslashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailingBackslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Shortens text at a word boundary when one is near, without an ellipsis (for values fed back as input). */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  if (flat[max] === ' ') return cut.trim();
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\uD800-\uDBFF]$/, '').trim();
}
