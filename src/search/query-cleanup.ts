/** Links and tweet image links carry no words of the claim. */
const URL_PATTERN = /(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S*/giu;

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** How a tweet signature ends: "(@handle) January 6, 2020" closing the text. Tried first: most texts lack it. */
const SIGNATURE_END = new RegExp(String.raw`\(@\w+\)\s+${MONTH}\s+\d{1,2},\s+\d{4}\s*$`, 'iu');
/**
 * Twitter's embed signature: "— Name (@handle) January 6, 2020" closing the text. The name is at
 * most a tweet long, and a match starts where a run of spaces starts: both keep the search linear,
 * where a text of 16,000 dashes or spaces took 0.2–0.4 s (each start scanned to the end).
 */
const TWEET_SIGNATURE = new RegExp(String.raw`(?<!\s)\s*[—–-]{1,2}([^—–\n]{0,300})\(@\w+\)\s+${MONTH}\s+\d{1,2},\s+\d{4}\s*$`, 'iu');

const HANDLE = /(^|[^\p{L}\p{N}_])@(\w+)/gu;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
const RETWEET_PREFIX = /^\s*RT\b:?/u;
const HTML_ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export interface CleanedQuery {
  /** The claim as the poster wrote it: links, handles and signature removed, hashtags split. */
  readonly text: string;
  /** Who posted and who was mentioned (signature name, @handles split into words): weak evidence. */
  readonly mentions: string;
}

/** The last text cleaned and its result: one lookup cleans its query for the encoder, the index and the rerank. */
let lastRaw: string | undefined;
let lastCleaned: CleanedQuery = { text: '', mentions: '' };

/**
 * Separates what chat and social posts wrap around a claim from the claim: links, the tweet
 * signature line, @handles and the retweet marker go; #CamelCaseHashtags become words.
 */
export function cleanQuery(raw: string): CleanedQuery {
  if (raw !== lastRaw) {
    lastCleaned = Object.freeze(cleaned(raw));
    lastRaw = raw;
  }
  return lastCleaned;
}

function cleaned(raw: string): CleanedQuery {
  const mentions: string[] = [];
  const unlinked = raw.replace(/&(?:amp|lt|gt|quot|#39);/gu, (entity) => HTML_ENTITY[entity] ?? entity).replace(URL_PATTERN, ' ');
  const signed = withoutSignature(unlinked);
  if (signed.name !== undefined) mentions.push(signed.name);
  const text = signed.text
    .replace(RETWEET_PREFIX, '')
    .replace(HANDLE, (_, before: string, handle: string) => {
      mentions.push(splitCompoundWord(handle));
      return `${before} `;
    })
    .replace(HASHTAG, (_, tag: string) => ` ${splitCompoundWord(tag)} `);
  return { text: collapse(text), mentions: collapse(mentions.join(' ')) };
}

/** The text without a closing tweet signature, and the name the signature gave. */
export function withoutSignature(text: string): { text: string; name?: string } {
  if (!SIGNATURE_END.test(text)) return { text };
  let name: string | undefined;
  const rest = text.replace(TWEET_SIGNATURE, (_, signed: string) => {
    name = signed;
    return '';
  });
  return name === undefined ? { text } : { text: rest, name };
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** "DefundTheCBC" → "Defund The CBC", "COVID19Vaccine" → "COVID 19 Vaccine", "stay_home" → "stay home". */
export function splitCompoundWord(word: string): string {
  return word
    .replace(/_+/gu, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .trim();
}
