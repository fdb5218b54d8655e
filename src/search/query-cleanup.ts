/** Links and tweet image links carry no words of the claim. */
const URL_PATTERN = /(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S*/giu;

/** Twitter's embed signature: "— Name (@handle) January 6, 2020" closing the text. */
const TWEET_SIGNATURE =
  /\s*[—–-]{1,2}([^—–\n]*)\(@\w+\)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*$/iu;

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
  const text = raw
    .replace(/&(?:amp|lt|gt|quot|#39);/gu, (entity) => HTML_ENTITY[entity] ?? entity)
    .replace(URL_PATTERN, ' ')
    .replace(TWEET_SIGNATURE, (_, name: string) => {
      mentions.push(name);
      return '';
    })
    .replace(RETWEET_PREFIX, '')
    .replace(HANDLE, (_, before: string, handle: string) => {
      mentions.push(splitCompoundWord(handle));
      return `${before} `;
    })
    .replace(HASHTAG, (_, tag: string) => ` ${splitCompoundWord(tag)} `);
  return { text: collapse(text), mentions: collapse(mentions.join(' ')) };
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
