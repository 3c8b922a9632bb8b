/** The cards of an honour wall from its people: name, headline honour, portrait and the sample badge. */
import type { Worker } from '../content/schema';
import { topHonor } from '../content/selectors';
import { STRINGS, pick, type Locale } from '../i18n/strings';
import type { WallCard } from './honor-wall';

/** One card per worker, in `locale`; `urlFor` turns a pack path into the URL of its stored object. */
export function wallCards(
  workers: readonly Worker[],
  urlFor: (path: string | undefined) => string | null,
  locale: Locale,
): WallCard[] {
  return workers.map((w) => {
    const h = topHonor(w);
    return {
      id: w.id,
      name: pick(w.name, locale),
      subtitle: `${pick(h.title, locale)} · ${h.year}`,
      portraitUrl: urlFor(w.portrait),
      badge: w.sample ? `${STRINGS.sample['zh-CN']} ${STRINGS.sample.en}` : undefined,
    };
  });
}
