/** Strings of the film player (controls, the ended card, the calm notice of a film that will not play), Chinese first with English alongside. */
import type { LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

export const FILM_UI = {
  play: t('播放', 'Play'),
  pause: t('暂停', 'Pause'),
  position: t('播放进度', 'Playback position'),
  inThisFilm: t('片中人物', 'In this film'),
  ended: t('影片播放完毕', 'The film has ended'),
  again: t('重新播放', 'Watch again'),
  back: t('返回', 'Back'),
  failedTitle: t('这部影片暂时无法播放', 'This film cannot be played just now'),
  failedDetail: t(
    '已为工作人员留下记录。请返回，继续参观其他内容。',
    'A note has been left for the staff. Please go back and explore the rest of the hall.',
  ),
} satisfies Record<string, LocalText>;
