/** Links and tweet image links carry no words of the claim. */
const URL_PATTERN = /(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S*/giu;

/** Twitter's embed signature: "— Name (@handle) January 6, 2020" closing the text. */
const TWEET_SIGNATURE =
  /\s*[—–-]{1,2}[^—–\n]*\(@\w+\)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*$/iu;

const HANDLE = /(^|[^\p{L}\p{N}_])@\w+/gu;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
const RETWEET_PREFIX = /^\s*RT\b:?/u;
const HTML_ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * Strips what chat and social posts wrap around a claim: links, the tweet signature line,
 * @handles and the retweet marker; splits #CamelCaseHashtags into words.
 */
export function cleanQueryText(text: string): string {
  return text
    .replace(/&(?:amp|lt|gt|quot|#39);/gu, (entity) => HTML_ENTITY[entity] ?? entity)
    .replace(URL_PATTERN, ' ')
    .replace(TWEET_SIGNATURE, '')
    .replace(RETWEET_PREFIX, '')
    .replace(HANDLE, '$1 ')
    .replace(HASHTAG, (_, tag: string) => ` ${splitCompoundWord(tag)} `)
    .replace(/\s+/gu, ' ')
    .trim();
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
