/** A post that carries or names a picture or video (tweets link theirs as pic.twitter.com). */
export function carriesMedia(raw: string): boolean {
  return /pic\.twitter\.com|\b(?:photo|picture|image|video)s?\b/iu.test(raw);
}

/** A fact-check about a picture or video ("A photograph shows…", "Does this video show…"). */
export function speaksOfMedia(text: string): boolean {
  return /\b(?:photo|photograph|picture|image|meme|video|footage)s?\b/iu.test(text);
}
