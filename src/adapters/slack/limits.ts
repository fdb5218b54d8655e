/** Block Kit limits factdesk renders within (https://docs.slack.dev/reference/block-kit). */
export const SLACK_LIMITS = Object.freeze({
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  contextElements: 10,
  /** Slack truncates `text` beyond this; it is only the notification fallback. */
  fallbackText: 3000,
});

/** Shortens text to `max` characters, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Shortens escaped mrkdwn without cutting an entity (`&amp;`) or a `<url|label>` link in half,
 * which would otherwise show as broken markup.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const openLink = cut.lastIndexOf('<');
  if (openLink > cut.lastIndexOf('>')) cut = cut.slice(0, openLink);
  cut = cut.replace(/&[a-z]*$/i, '');
  return `${cut.trimEnd()}…`;
}
