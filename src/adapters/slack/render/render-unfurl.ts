import type { types } from '@slack/bolt';
import type { ResultItem } from '../../../core/reply.js';
import { VERDICT_STYLES } from '../verdict-style.js';
import { readButton, resultCardBlocks, resultFallbackText } from './result-card.js';

/** The card shown under a shared link that has been fact-checked: coloured by verdict, link button only. */
export function renderUnfurl(result: ResultItem, now: Date = new Date()): types.MessageAttachment {
  return {
    color: VERDICT_STYLES[result.verdict].color,
    fallback: resultFallbackText(result),
    blocks: resultCardBlocks(result, { now, buttons: readButton(result) }),
  };
}
