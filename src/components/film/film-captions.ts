/** Which caption track of a film shows: the visitor's language, else Chinese (always written). */
import type { Locale } from '../../i18n/strings';

/** One WebVTT file of a film, in one language. */
export interface CaptionTrack {
  lang: Locale;
  src: string;
}

/**
 * Shows the track of `locale` (falling back to zh-CN) and turns every other one off. Off, not
 * hidden: a hidden track still runs its cues, and Chromium keeps whatever was ever showing until
 * the player is released (see releaseVideo).
 */
export function showCaptions(el: HTMLVideoElement, locale: Locale): void {
  const list = [...el.textTracks];
  const wanted =
    list.find((t) => t.language === locale) ?? list.find((t) => t.language === 'zh-CN');
  for (const t of list) t.mode = t === wanted ? 'showing' : 'disabled';
}
