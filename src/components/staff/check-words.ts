/** A feed check's outcome in plain bilingual words for the staff panel. */
import type { LocalText } from '../../content/schema';
import { STAFF_SAYS } from '../../i18n/staff-strings';
import type { SyncResult } from '../../sync/sync-feed';

/** The headline of `result`; refusals and failures add the runner's own reason (in English). */
export function checkWords(result: SyncResult): { text: LocalText; tone: 'good' | 'bad' } {
  switch (result.outcome) {
    case 'activated':
      return { text: STAFF_SAYS.activated(result.version), tone: 'good' };
    case 'up-to-date':
      return { text: STAFF_SAYS.upToDate(result.version), tone: 'good' };
    case 'rejected':
      return { text: STAFF_SAYS.rejected(result.version), tone: 'bad' };
    default:
      return { text: STAFF_SAYS.failed, tone: 'bad' };
  }
}
