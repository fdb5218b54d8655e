// Reading schema.org values the many ways publishers write them: a field may be single or an
// array, a text may be a string, a number or `{ "@value": ... }`, a thing may be a URL or an object.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every value of a field that may be single or an array; none for null or absent. */
export function all(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.flatMap(all) : [value];
}

/** The text of a value: a string, a number, or `{ "@value": ... }`; trimmed, undefined when empty. */
export function textOf(value: unknown): string | undefined {
  for (const item of all(value)) {
    const raw = isObject(item) ? item['@value'] : item;
    if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
    if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  }
  return undefined;
}

/** The first number or text of a field, as given (for `ratingValue` and friends). */
export function scalarOf(value: unknown): number | string | undefined {
  for (const item of all(value)) {
    const raw = isObject(item) ? item['@value'] : item;
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  }
  return undefined;
}

/** A thing's name: the text itself when it is a plain value, else its `name`. */
export function nameOf(value: unknown): string | undefined {
  for (const item of all(value)) {
    const name = isObject(item) ? textOf(item.name) ?? textOf(item.alternateName) : textOf(item);
    if (name) return name;
  }
  return undefined;
}

/** A thing's address: the text itself when it is a plain value, else its `url` (or `@id` when that is a link). */
export function urlOf(value: unknown): string | undefined {
  for (const item of all(value)) {
    if (!isObject(item)) {
      const text = textOf(item);
      if (text) return text;
      continue;
    }
    const url = textOf(item.url) ?? linkId(item);
    if (url) return url;
  }
  return undefined;
}

/** Every address in a field of URLs or CreativeWorks, in order, without repeats. */
export function urlsOf(value: unknown): string[] {
  const urls = all(value).flatMap((item) => {
    const url = urlOf(item);
    return url ? [url] : [];
  });
  return [...new Set(urls)];
}

/** `@id` when it is a web address rather than a local reference such as `#claim`. */
export function linkId(node: JsonObject): string | undefined {
  const id = textOf(node['@id']);
  return id && /^https?:\/\//i.test(id) ? id : undefined;
}

/** The schema.org types of a node, without prefixes (`schema:ClaimReview`, `http://schema.org/ClaimReview`). */
export function typesOf(node: JsonObject): string[] {
  return all(node['@type']).flatMap((type) =>
    typeof type === 'string' ? [type.replace(/^(https?:\/\/schema\.org\/|schema:)/i, '')] : [],
  );
}

/** Keywords as a list: an array as it is, one text split at its commas. */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => textOf(item) ?? []);
  return (textOf(value) ?? '').split(',').map((part) => part.trim()).filter(Boolean);
}
