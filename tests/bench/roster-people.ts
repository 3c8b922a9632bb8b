/** A deterministic roster of honourees shaped like a city's real one, for the roster benchmark. */
import type {
  Honor,
  HonorKind,
  HonorLevel,
  LocalText,
  SpiritTag,
  Worker,
} from '../../src/content/schema';

/** Common surnames first (they repeat the most), then polyphonic and compound ones. */
const SURNAMES = (
  '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 ' +
  '曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 ' +
  '廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 ' +
  '单 区 解 仇 查 朴 乐 缪 翟 盖 覃 尉迟 欧阳 司马 诸葛 上官 长孙 万俟'
).split(' ');

const GIVEN =
  '伟 芳 娜 秀 英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 桂 建 国 华 文 红 志 玉 ' +
  '兰 海 燕 飞 鹏 辉 俊 峰 波 宁 春 梅 林 琳 雪 荣 新 民 福 德 生 金 庆 兴 宏 学 成 永 忠 ' +
  '长 重 行 乐 和 得 朝 家 晓 小 云 劲 佳 怡 欣 子 浩 宇 轩 思 雨 晨 博 卫 东 铁 钢';
const GIVEN_CHARS = GIVEN.split(' ');

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });
const SECTORS = [
  t('钢铁', 'Steel'),
  t('电力', 'Power'),
  t('铁路', 'Railways'),
  t('纺织', 'Textiles'),
  t('机械制造', 'Machinery'),
  t('建筑', 'Construction'),
  t('教育', 'Education'),
  t('医疗卫生', 'Health care'),
  t('交通运输', 'Transport'),
  t('石油化工', 'Petrochemicals'),
  t('农业', 'Agriculture'),
  t('邮电通信', 'Post and telecoms'),
  t('商业服务', 'Commerce'),
  t('科研', 'Research'),
  t('环卫', 'Sanitation'),
  t('公安', 'Public security'),
  t('汽车制造', 'Car making'),
  t('电子信息', 'Electronics'),
];
const REGIONS = [
  t('江岸区', 'Jiang’an'),
  t('江汉区', 'Jianghan'),
  t('硚口区', 'Qiaokou'),
  t('汉阳区', 'Hanyang'),
  t('武昌区', 'Wuchang'),
  t('青山区', 'Qingshan'),
  t('洪山区', 'Hongshan'),
  t('东西湖区', 'Dongxihu'),
  t('蔡甸区', 'Caidian'),
  t('江夏区', 'Jiangxia'),
  t('黄陂区', 'Huangpi'),
  t('新洲区', 'Xinzhou'),
  t('汉南区', 'Hannan'),
];
const LEVELS: HonorLevel[] = [
  'municipal',
  'municipal',
  'municipal',
  'provincial',
  'provincial',
  'national',
  'industry',
];
const KINDS: HonorKind[] = [
  'model-worker',
  'model-worker',
  'advanced-worker',
  'may-day-medal',
  'craftsman',
  'pioneer',
];
const TAGS: SpiritTag[] = ['model-spirit', 'labour-spirit', 'craftsman-spirit'];

/** Small, fast, seeded generator (mulberry32): the same roster every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` honourees: surnames skewed towards the common ones, 1–3 honours from 1950 to 2025. */
export function rosterPeople(count: number, seed = 1): Worker[] {
  const rand = seeded(seed);
  const pickOf = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  // Squaring skews towards the front of the list, as real surname frequencies do.
  const surname = () => SURNAMES[Math.floor(rand() * rand() * SURNAMES.length)]!;
  const people: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const given = rand() < 0.3 ? pickOf(GIVEN_CHARS) : pickOf(GIVEN_CHARS) + pickOf(GIVEN_CHARS);
    const honors: Honor[] = [];
    const n = rand() < 0.7 ? 1 : rand() < 0.8 ? 2 : 3;
    let year = 1950 + Math.floor(rand() * 70);
    for (let h = 0; h < n; h++) {
      const level = pickOf(LEVELS);
      const kind = pickOf(KINDS);
      honors.push({ title: t(`${level} ${kind}`, `${level} ${kind}`), level, kind, year });
      year = Math.min(2025, year + 1 + Math.floor(rand() * 12));
    }
    const tags = TAGS.filter(() => rand() < 0.2);
    people.push({
      id: `p${i}`,
      name: { 'zh-CN': surname() + given },
      honors,
      employer: t(`第${(i % 97) + 1}厂`, `Works no. ${(i % 97) + 1}`),
      ...(rand() < 0.92 ? { sector: pickOf(SECTORS) } : {}),
      ...(rand() < 0.95 ? { region: pickOf(REGIONS) } : {}),
      ...(tags.length ? { tags } : {}),
    });
  }
  return people;
}
