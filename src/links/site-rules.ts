import type { UrlRule } from './generic-rules.js';

/** Facebook share clutter: viewer state and click tracking, never part of what the post is. */
const FACEBOOK_NOISE_PARAMETERS = ['__cft__[0]', '__tn__', '__xts__[0]', '_rdc', '_rdr', 'fref', 'hc_ref', 'mibextid', 'ref', 'refid', 'sfnsn', 'theater', 'type'];

/** `youtu.be/ID` is `youtube.com/watch?v=ID`. */
export const expandYouTubeShortLink: UrlRule = (url) => {
  if (url.hostname !== 'youtu.be') return;
  const id = /^\/([\w-]+)/.exec(url.pathname)?.[1];
  if (!id) return;
  url.hostname = 'youtube.com';
  url.pathname = '/watch';
  url.searchParams.set('v', id);
};

/** Shorts, embeds and live links show the same video as `watch?v=ID`. */
export const useYouTubeWatchPath: UrlRule = (url) => {
  if (url.hostname !== 'youtube.com') return;
  const id = /^\/(?:shorts|embed|live|v)\/([\w-]+)\/?$/.exec(url.pathname)?.[1];
  if (!id) return;
  url.pathname = '/watch';
  url.search = '';
  url.searchParams.set('v', id);
};

/** A YouTube video is its `v`: `si`, `feature`, `t`, `list`, `pp`, `ab_channel` only say how it was reached. */
export const keepOnlyYouTubeVideoId: UrlRule = (url) => {
  if (url.hostname !== 'youtube.com' || url.pathname !== '/watch') return;
  const id = url.searchParams.get('v');
  if (!id) return;
  url.search = '';
  url.searchParams.set('v', id);
};

/** An X (Twitter) post is its number: handles, `/photo/1`, `i/web` and `s`/`t` share parameters vary. */
export const useXStatusId: UrlRule = (url) => {
  if (url.hostname !== 'x.com') return;
  const id = /^\/(?:i\/web|[^/]+)\/status(?:es)?\/(\d+)/.exec(url.pathname)?.[1];
  if (!id) return;
  url.pathname = `/i/status/${id}`;
  url.search = '';
};

/** A TikTok video is its path; the query only carries share tracking (`_r`, `_t`, `is_from_webapp`...). */
export const useTikTokVideoPath: UrlRule = (url) => {
  if (url.hostname !== 'tiktok.com' || !/^\/@[^/]+\/video\/\d+/.test(url.pathname)) return;
  url.search = '';
};

/** Spotify appends a per-share `si`. */
export const removeSpotifyShareId: UrlRule = (url) => {
  if (url.hostname === 'open.spotify.com') url.searchParams.delete('si');
};

export const removeFacebookNoise: UrlRule = (url) => {
  if (url.hostname !== 'facebook.com') return;
  for (const name of FACEBOOK_NOISE_PARAMETERS) url.searchParams.delete(name);
};
