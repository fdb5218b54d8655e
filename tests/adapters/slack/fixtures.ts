/** Result and reply factories are shared by every adapter's tests. */
export { resultItem, resultsReply } from '../../helpers/replies.js';

/** Every piece of text a user could see in a list of blocks (mrkdwn and plain_text), flattened. */
export function visibleTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(visibleTexts);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const own = (record.type === 'mrkdwn' || record.type === 'plain_text') && typeof record.text === 'string' ? [record.text] : [];
    return [...own, ...Object.entries(record).flatMap(([key, child]) => (key === 'text' && typeof child === 'string' ? [] : visibleTexts(child)))];
  }
  return [];
}
