import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Makes user (or stored) text inert inside Discord markdown: no mention (`@everyone`, `@here`,
 * `<@id>`, `<@&id>`, `<#id>`, `</cmd:id>`) and no masked link (`[bbc.com](https://evil.example)`)
 * can form, and markdown shows as typed. `allowedMentions` already stops pings; this also stops
 * text from *looking* like a mention or a trusted link.
 */
export function escapeText(text: string): string {
  const markdown = escapeMarkdown(withoutControlCharacters(text), { heading: true, bulletedList: true, numberedList: true })
    .replace(/^(\s*)-#/gm, '$1\\-#')
    .replace(/[[\]]/g, '\\$&');
  return breakMentions(markdown);
}

/** For places Discord shows as plain text (footers, choice names): markdown stays, mentions are broken all the same. */
export function plainText(text: string): string {
  return breakMentions(withoutControlCharacters(text));
}

/**
 * A stored URL made safe as a link target: only http(s) without spaces, with the characters
 * that would end a markdown link percent-encoded. Anything else gives undefined (no link at all).
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return url.replace(/[()<>[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `[label](url)` from a stored URL and a label escaped here, or just the escaped label. */
export function markdownLink(label: string, url: string | undefined): string {
  const target = safeUrl(url);
  return target ? `[${escapeText(label)}](${target})` : escapeText(label);
}

/** A zero-width space after `<` and `@` where they would start a mention: it reads the same but never resolves. */
function breakMentions(text: string): string {
  return text
    .replace(/<(?=[@#/:a-z])/gi, `<${ZERO_WIDTH_SPACE}`)
    .replace(/@(everyone|here)\b/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
