import type { Verdict } from '../../model/verdict.js';

/** Embed side colour per canonical verdict: red to green for the truth scale, neutral tones for the rest. */
export const VERDICT_COLORS: Readonly<Record<Verdict, number>> = Object.freeze({
  false: 0xd0021b,
  'mostly-false': 0xe8590c,
  misleading: 0xf59f00,
  mixed: 0xfab005,
  'mostly-true': 0x82c91e,
  true: 0x2b8a3e,
  unproven: 0x868e96,
  satire: 0x7048e8,
  opinion: 0x1c7ed6,
  other: 0xadb5bd,
});

/** For replies that are not a verdict: suggestions, help. */
export const NEUTRAL_COLOR = 0x5865f2;
