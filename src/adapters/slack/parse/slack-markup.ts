/** Slack text decoded back to what the user typed, plus the links Slack marked up in it. */
export interface DecodedText {
  text: string;
  links: string[];
}

const MARKUP = /<([^<>]+)>/g;

/**
 * Decodes Slack's message markup: `<https://x|label>` → the URL (the real target, never the
 * label, so a disguised link is checked for where it goes), `<@U1|name>` → `@name`,
 * `<#C1|name>` → `#name`, `<!here>` → `@here`, and `&amp;`/`&lt;`/`&gt;` → `&`/`<`/`>`.
 */
export function decodeSlackText(raw: string): DecodedText {
  const links: string[] = [];
  const parts: string[] = [];
  let last = 0;
  for (const match of raw.matchAll(MARKUP)) {
    parts.push(decodeEntities(raw.slice(last, match.index)), decodeMarkup(match[1]!, links));
    last = match.index + match[0].length;
  }
  parts.push(decodeEntities(raw.slice(last)));
  return { text: parts.join(''), links: [...new Set(links)] };
}

/** One `<…>` span; entities are decoded per span so decoded text is never decoded twice. */
function decodeMarkup(inner: string, links: string[]): string {
  const [target = '', label] = splitOnce(inner, '|');
  if (/^https?:\/\//i.test(target)) {
    const url = decodeEntities(target);
    links.push(url);
    return url;
  }
  if (target.startsWith('mailto:')) return decodeEntities(label ?? target.slice('mailto:'.length));
  if (target.startsWith('@')) return `@${decodeEntities(label ?? target.slice(1))}`;
  if (target.startsWith('#')) return `#${decodeEntities(label ?? target.slice(1))}`;
  if (target.startsWith('!')) return decodeSpecial(target.slice(1), label);
  return decodeEntities(label ?? target);
}

function decodeSpecial(command: string, label: string | undefined): string {
  if (label) return decodeEntities(label);
  const [name = ''] = command.split('^');
  return `@${name}`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
