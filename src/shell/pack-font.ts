/**
 * Puts the shown pack's own CJK font on the page: its WOFF2 weights, served from Cache Storage by the
 * service worker (or from the app's precache for the embedded pack), registered under one family name
 * that the page's font stacks and the wall's canvas name first. A kiosk without Chinese fonts renders
 * every name with it; switching packs switches the font.
 */
import { PACK_FONT_FAMILY, PACK_FONT_FILES } from '../feed/pack-font';
import { logStaff } from '../storage/staff-log';
import type { LoadedPack } from '../sync/load-pack';

/** How long showing a pack waits for its font; after that the pack shows and the font arrives when it can. */
const FONT_WAIT_MS = 5_000;

export interface PackFonts {
  /**
   * Makes `pack`'s font the page's; resolves when it has loaded (or failed, or the wait ran out) to
   * true, or to false when another pack's font was asked for meanwhile (that pack is the one to show).
   */
  use(pack: LoadedPack): Promise<boolean>;
  /** Puts `pack`'s font on the page while no pack is shown yet (the boot screen); never replaces a used one. */
  preload(pack: LoadedPack): void;
  /** Takes the pack's faces off the page. */
  dispose(): void;
}

/** The owner of the page's pack font faces, in `fonts` (the document's by default). */
export function createPackFonts(fonts: FontFaceSet = document.fonts): PackFonts {
  let faces: FontFace[] = [];
  let shownUrls = '';
  let generation = 0;
  return {
    async use(pack) {
      const sources = sourcesOf(pack);
      const urls = sources.map((s) => s.url).join(' ');
      if (urls === shownUrls) return true; // same objects (same pack, or an unchanged font)
      shownUrls = urls;
      const mine = ++generation;
      const fresh = sources.map(faceOf);
      fresh.forEach((f) => fonts.add(f));
      let timer = 0;
      const results = await Promise.race([
        Promise.allSettled(fresh.map((f) => f.load())),
        new Promise<null>(
          (resolve) => (timer = window.setTimeout(() => resolve(null), FONT_WAIT_MS)),
        ),
      ]);
      clearTimeout(timer);
      if (mine !== generation) {
        // Another pack was asked for meanwhile: its font wins.
        fresh.forEach((f) => fonts.delete(f));
        return false;
      }
      // The previous pack's faces go only now, so text never falls back to tofu between the two.
      faces.forEach((f) => fonts.delete(f));
      faces = fresh;
      const failed = results?.filter((r) => r.status === 'rejected') ?? [];
      if (failed.length || !results)
        await logStaff(
          'warn',
          'font-failed',
          results
            ? `the pack's font could not be loaded (${String((failed[0] as PromiseRejectedResult).reason)}); names show in the system's fonts`
            : `the pack's font took over ${FONT_WAIT_MS / 1000} s to load; the pack is shown meanwhile`,
        );
      return true;
    },
    preload(pack) {
      if (generation > 0 || faces.length) return;
      faces = sourcesOf(pack).map(faceOf);
      faces.forEach((f) => {
        fonts.add(f);
        f.load().catch(() => {}); // the boot screen's words only; use() says what failed
      });
    },
    dispose() {
      generation++;
      faces.forEach((f) => fonts.delete(f));
      faces = [];
      shownUrls = '';
    },
  };
}

function sourcesOf(pack: LoadedPack): { weight: number; url: string }[] {
  return PACK_FONT_FILES.flatMap(({ weight, path }) => {
    const url = pack.urlFor(path);
    return url ? [{ weight, url }] : [];
  });
}

/** `display: block`: while it loads, text in the family waits invisible rather than flash as boxes. */
function faceOf({ weight, url }: { weight: number; url: string }): FontFace {
  return new FontFace(PACK_FONT_FAMILY, `url(${url}) format('woff2')`, {
    weight: String(weight),
    display: 'block',
  });
}
