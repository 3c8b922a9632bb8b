/** Strings of the honour wall's controls (layouts, zoom, progress), Chinese first with English alongside. */
import type { LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

export const WALL_UI = {
  layouts: t('排列方式', 'Arrangement'),
  layoutGrid: t('方阵', 'Grid'),
  layoutCylinder: t('圆柱', 'Drum'),
  layoutHelix: t('螺旋', 'Spiral'),
  layoutSphere: t('球体', 'Globe'),
  zoomIn: t('放大', 'Closer'),
  zoomOut: t('缩小', 'Further'),
  overview: t('全景', 'Whole wall'),
  loadingFaces: t('正在载入肖像', 'Bringing in the portraits'),
  showing: t('显示', 'Showing'),
  of: t('共', 'of'),
  people: t('位', 'people'),
  filter: t('筛选', 'Filter'),
  search: t('姓名检索', 'Find a name'),
  roster: t('名录', 'Roll of honour'),
  wall3d: t('荣誉墙', 'Honour wall'),
  noMatch: t('没有符合条件的人物', 'Nobody matches'),
  clearAll: t('清除条件', 'Clear'),
  flatWall: t('本机以平面方式展示荣誉墙', 'Shown as a flat wall on this screen'),
} satisfies Record<string, LocalText>;
