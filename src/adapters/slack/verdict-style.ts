import type { Verdict } from '../../model/verdict.js';

export interface VerdictStyle {
  /** Slack emoji shortcode shown before the verdict. */
  emoji: string;
  /** Attachment side-bar colour (unfurls). */
  color: string;
}

/** One look per canonical verdict, so every Slack surface shows a verdict the same way. */
export const VERDICT_STYLES: Readonly<Record<Verdict, VerdictStyle>> = Object.freeze({
  false: { emoji: ':x:', color: '#d0021b' },
  'mostly-false': { emoji: ':heavy_multiplication_x:', color: '#e8590c' },
  misleading: { emoji: ':warning:', color: '#f59f00' },
  mixed: { emoji: ':left_right_arrow:', color: '#fab005' },
  'mostly-true': { emoji: ':ballot_box_with_check:', color: '#82c91e' },
  true: { emoji: ':white_check_mark:', color: '#2b8a3e' },
  unproven: { emoji: ':grey_question:', color: '#868e96' },
  satire: { emoji: ':performing_arts:', color: '#7048e8' },
  opinion: { emoji: ':speech_balloon:', color: '#1c7ed6' },
  other: { emoji: ':information_source:', color: '#adb5bd' },
});
