/** Every fixed string the kiosk shows, Chinese first with English alongside. */
import type { LocalText } from '../content/schema';

export type Locale = 'zh-CN' | 'en';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

export const STRINGS = {
  loadingTitle: t('正在准备展陈内容', 'Preparing the exhibition'),
  loadingDetail: t(
    '首次启动需要下载展陈资料，请稍候',
    'First start: downloading the exhibition content',
  ),
  loadingProgress: t('下载进度', 'Download progress'),
  loadingRetry: t(
    '暂时无法获取内容，稍后将自动重试',
    'Content is not reachable yet; retrying shortly',
  ),
  files: t('文件', 'files'),
  home: t('首页', 'Home'),
  back: t('返回', 'Back'),
  enterWall: t('进入', 'Enter'),
  history: t('劳模表彰历程', 'History of the honours'),
  honors: t('荣誉', 'Honours'),
  story: t('人物故事', 'Life story'),
  videos: t('影像', 'Films'),
  playVideo: t('播放影片', 'Play film'),
  employer: t('单位', 'Employer'),
  sector: t('行业', 'Sector'),
  region: t('地区', 'District'),
  role: t('岗位', 'Role'),
  sample: t('示例', 'Sample'),
  previous: t('上一页', 'Previous'),
  next: t('下一页', 'Next'),
  countdownTitle: t('还在浏览吗？', 'Still there?'),
  countdownDetail: t('秒后返回首页', 'seconds until the home screen'),
  countdownTouch: t('轻触屏幕继续浏览', 'Touch the screen to continue'),
  touchToBegin: t('轻触屏幕开始参观', 'Touch the screen to begin'),
  language: t('English', '中文'),
  captionsZh: t('中文字幕', '中文字幕'),
  captionsEn: t('English captions', 'English captions'),
  sceneFailed: t('这一页暂时无法显示', 'This page cannot be shown right now'),
  workerCount: t('位劳动者', 'workers'),
  closedNow: t(
    '现已闭馆 · 欢迎在开放时间再来',
    'Closed now · Please visit us during opening hours',
  ),
  elderlyMode: t('长者模式', 'Larger text'),
  elderlyOn: t('已开启', 'On'),
  elderlyOff: t('未开启', 'Off'),
} satisfies Record<string, LocalText>;

/** Each language by its own name, as a language chooser lists them. */
export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export const LEVEL_NAMES: Record<string, LocalText> = {
  national: t('全国', 'National'),
  provincial: t('省级', 'Provincial'),
  municipal: t('市级', 'Municipal'),
  industry: t('行业', 'Industry'),
};

export const TAG_NAMES: Record<string, LocalText> = {
  'model-spirit': t('劳模精神', 'Model-worker spirit'),
  'labour-spirit': t('劳动精神', 'Spirit of labour'),
  'craftsman-spirit': t('工匠精神', 'Craftsmanship'),
};

/** The text in `locale`, falling back to zh-CN (always present). */
export function pick(text: LocalText | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'en' && text.en?.trim()) || text['zh-CN'];
}

/** The other language's text, or '' when it would repeat the first. */
export function other(text: LocalText | undefined, locale: Locale): string {
  if (!text) return '';
  const second = locale === 'en' ? text['zh-CN'] : (text.en ?? '');
  return second === pick(text, locale) ? '' : second;
}
