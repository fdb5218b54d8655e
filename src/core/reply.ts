import type { Verdict } from '../model/verdict.js';

/**
 * How a result was found. `url` is an exact match of the shared link (strongest);
 * `url-words` is a text search on the words of a link that matched nothing (weaker);
 * `text` is a text search on the claim.
 */
export type MatchReason = 'url' | 'url-words' | 'text';

/** One fact-check (or article) offered as an answer, independent of any platform. */
export interface ResultItem {
  id: string;
  kind: 'claim' | 'article';
  /** The claim as checked, or the article's headline. */
  title: string;
  verdict: Verdict;
  /** The publisher's own rating text, or an article's own label. */
  rating: string;
  /** Who checked it (or published the article) and where to read it; links only ever come from the store. */
  source: { name: string; url?: string };
  /** Review date (or publication date), ISO 8601. */
  date?: string;
  /** Why, in a few lines. */
  context?: string;
  claimant?: string;
  language: string;
  /** 0..1: how sure we are that this is the claim the user meant. */
  score: number;
  matchedBy: 'url' | 'text';
  reason: MatchReason;
  /** For message checks: the part of the message (a link or a sentence) this answers. */
  matchedPart?: string;
  /** True for entries written as examples rather than taken from a real publisher. */
  sample?: boolean;
}

/**
 * Something the user can do next, offered under a reply: adapters show it as a button (Slack,
 * Discord) or as a hint to type (console). Choosing it dispatches `command` with `options`, as
 * the person who chose it, through `core.dispatch`. Adapters may render any action generically
 * from `label`, `command` and `options`; `kind` says what it is for styling or special wiring.
 */
export interface ReplyAction {
  /** `request-factcheck`: ask the desk to check what found no confident match. */
  kind: 'request-factcheck';
  /** Button text, e.g. "Request a fact-check". */
  label: string;
  /** The command to dispatch, e.g. `factcheck-request`. */
  command: string;
  /** Its options; small enough for a button payload (Slack allows 2,000 characters). */
  options: Record<string, string>;
}

export interface CommandSummary {
  name: string;
  description: string;
  usage: string;
}

/** Everything a command can answer; adapters render each kind within their platform's limits. */
export type Reply =
  | {
      kind: 'results';
      query: string;
      results: ResultItem[];
      /** e.g. "No fact-check is linked to that URL; these match the words in it." */
      note?: string;
    }
  | {
      kind: 'no-match';
      query: string;
      message: string;
      /** The closest entries, shown as suggestions, never as answers. */
      suggestions: ResultItem[];
      /** What the user can do about it: "Request a fact-check". */
      actions?: ReplyAction[];
    }
  | {
      kind: 'notice';
      tone: 'info' | 'error';
      text: string;
      /** Set when the error was ours (a fault), not the user's: scripts exit differently. */
      fault?: boolean;
    }
  | { kind: 'help'; intro: string; commands: CommandSummary[] };
