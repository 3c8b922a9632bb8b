/** Strings of the story and history scenes, Chinese first with English alongside. */
import type { LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

export const STORY = {
  autoplay: t('自动播放', 'Autoplay'),
  paused: t('已暂停', 'Paused'),
  again: t('从头再看', 'See it again'),
  chapter: t('章节', 'Chapter'),
  people: t('相关人物', 'People in it'),
  eras: t('年代', 'Eras'),
  dragHint: t('左右拖动，浏览历程', 'Drag sideways to travel through the years'),
  earlier: t('更早', 'Earlier'),
  later: t('更晚', 'Later'),
};
