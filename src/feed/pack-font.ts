/**
 * The font a pack carries so a kiosk without Chinese fonts renders every name: where the CLI puts its
 * files (under `derived/`, made by the CLI only) and the family name the kiosk gives it.
 */

/** The family the kiosk registers the pack's font under; first in every font stack of the page and the wall. */
export const PACK_FONT_FAMILY = 'Kiosk Pack CJK';

export const PACK_FONT_FORMAT = 'kiosk-font/1';
/** Facts about the font for people who look into a pack: its family, copyright and licence text (the OFL's condition). */
export const PACK_FONT_INFO = 'derived/font.json';

/** The weights a pack may carry, each a WOFF2 subset; a pack without a bold has only the first. */
export const PACK_FONT_FILES = [
  { weight: 400, path: 'derived/font-regular.woff2' },
  { weight: 700, path: 'derived/font-bold.woff2' },
] as const;

/** `derived/font.json`. */
export interface PackFontInfo {
  format: typeof PACK_FONT_FORMAT;
  /** The font's own family name ("Noto Sans CJK SC"). */
  family: string;
  /** Characters the subset draws. */
  characters: number;
  files: { weight: number; path: string }[];
  copyright: string;
  licence: string;
}
