/**
 * Makes user (or stored) text safe inside Slack `mrkdwn`: `&`, `<` and `>` are escaped so no
 * `<!channel>`, `<@U…>` or disguised `<https://evil|bbc.com>` link can form, and bare
 * `@channel`/`@here`/`@everyone` get a zero-width space so no client ever turns them into a ping.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200B$1');
}

/**
 * A stored URL made safe as the target of `<url|label>`: only http(s), and the characters that
 * would end or split the link markup are percent-encoded. Returns undefined for anything else.
 */
export function safeLinkTarget(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return url.replace(/[<>|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `<url|label>` from a stored URL and a label of our own making (escaped), or just the label. */
export function mrkdwnLink(url: string | undefined, label: string): string {
  const target = safeLinkTarget(url);
  return target ? `<${target}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label);
}
