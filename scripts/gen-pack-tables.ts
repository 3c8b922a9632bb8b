/** Word tables for generated test packs: common surnames (polyphonic ones included), given-name characters, honours, employers. */
import type { Honor, LocalText } from '../src/content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

/** Splits "王Wang 李Li" into [["王", "Wang"], ["李", "Li"]]: one character, then its reading. */
const readings = (text: string): [zh: string, pinyin: string][] =>
  text
    .trim()
    .split(/\s+/)
    .map((item) => [item.slice(0, 1), item.slice(1)]);

/**
 * Surnames with the reading a surname takes, in three bands of weight: the commonest few turn up far
 * more often, as on any real roster.
 */
const COMMON = '王Wang 李Li 张Zhang 刘Liu 陈Chen 杨Yang 黄Huang 赵Zhao 吴Wu 周Zhou';
const USUAL = `徐Xu 孙Sun 马Ma 朱Zhu 胡Hu 郭Guo 何He 高Gao 林Lin 罗Luo 郑Zheng 梁Liang 谢Xie 宋Song
  唐Tang 许Xu 韩Han 冯Feng 邓Deng 曹Cao 彭Peng 肖Xiao 田Tian 董Dong 袁Yuan 潘Pan 于Yu 蒋Jiang
  蔡Cai 余Yu 杜Du 叶Ye 程Cheng 苏Su 魏Wei 吕Lü 丁Ding 任Ren 沈Shen 姚Yao`;
/** Read differently as a surname than elsewhere (单 Shan not dan, 区 Ou not qu…): what a pinyin search must get right. */
const POLYPHONIC = '曾Zeng 单Shan 区Ou 解Xie 仇Qiu 查Zha 朴Piao 乐Yue 盖Ge';

export const SURNAMES: readonly (readonly [zh: string, pinyin: string, weight: number])[] = [
  ...readings(COMMON).map(([zh, py]) => [zh, py, 8] as const),
  ...readings(USUAL).map(([zh, py]) => [zh, py, 2] as const),
  ...readings(POLYPHONIC).map(([zh, py]) => [zh, py, 1] as const),
];

/** Polyphonic surnames; the first generated people take one each, so even a small pack has them all. */
export const POLYPHONIC_SURNAMES = readings(POLYPHONIC).map(([zh]) => zh);

/** Characters common in given names, each with the reading it has there, by the names they mostly appear in. */
export const GIVEN = {
  male: readings(`建jian 国guo 明ming 伟wei 军jun 强qiang 志zhi 海hai 峰feng 德de 永yong 福fu
    立li 浩hao 磊lei 涛tao 杰jie 斌bin 洪hong 刚gang 勇yong 毅yi 辉hui 鹏peng 松song 东dong
    振zhen 卫wei 庆qing 树shu 宝bao 荣rong 俊jun 博bo 睿rui 宇yu 安an 恩en`),
  female: readings(`芳fang 秀xiu 英ying 丽li 敏min 静jing 红hong 玉yu 兰lan 桂gui 梅mei 婷ting
    燕yan 霞xia 琳lin 雪xue 淑shu 珍zhen 凤feng 慧hui 丹dan 颖ying 瑶yao 萍ping 娟juan 艳yan
    雨yu 欣xin 佳jia 爱ai`),
  either: readings('华hua 平ping 春chun 文wen 新xin 晓xiao 云yun 家jia 金jin 学xue 思si 林lin'),
};

/** An honour a generated person may hold, with its weight and the first year it was awarded. */
export interface HonorKind {
  title: LocalText;
  level: Honor['level'];
  kind: Honor['kind'];
  weight: number;
  from: number;
}

const h = (
  zh: string,
  en: string,
  level: Honor['level'],
  kind: Honor['kind'],
  weight: number,
  from = 1950,
): HonorKind => ({ title: t(zh, en), level, kind, weight, from });

/** Municipal honours are the most numerous, national ones the rarest, as in any city's roll. */
export const HONORS: readonly HonorKind[] = [
  h('全国劳动模范', 'National Model Worker', 'national', 'model-worker', 3),
  h('全国先进工作者', 'National Advanced Worker', 'national', 'advanced-worker', 2, 1956),
  h('全国五一劳动奖章', 'National May Day Labour Medal', 'national', 'may-day-medal', 2, 1984),
  h(
    '全国工人先锋号（所在班组）',
    "National Workers' Pioneer (awarded to the team)",
    'national',
    'pioneer',
    1,
    2007,
  ),
  h('省劳动模范', 'Provincial Model Worker', 'provincial', 'model-worker', 5),
  h('省先进工作者', 'Provincial Advanced Worker', 'provincial', 'advanced-worker', 3, 1956),
  h('省五一劳动奖章', 'Provincial May Day Labour Medal', 'provincial', 'may-day-medal', 3, 1986),
  h('省级工匠', 'Provincial Master Craftsman', 'provincial', 'craftsman', 2, 2016),
  h('市劳动模范', 'Municipal Model Worker', 'municipal', 'model-worker', 9),
  h('市先进工作者', 'Municipal Advanced Worker', 'municipal', 'advanced-worker', 6, 1956),
  h('市五一劳动奖章', 'Municipal May Day Labour Medal', 'municipal', 'may-day-medal', 5, 1988),
  h('市级工匠', 'Municipal Master Craftsman', 'municipal', 'craftsman', 4, 2016),
  h('铁路系统劳动模范', 'Railway Sector Model Worker', 'industry', 'model-worker', 2),
  h('电力行业技术能手', 'Power Industry Technical Expert', 'industry', 'craftsman', 2, 1995),
  h(
    '教育系统先进工作者',
    'Education Sector Advanced Worker',
    'industry',
    'advanced-worker',
    2,
    1978,
  ),
  h('卫生系统先进工作者', 'Health Sector Advanced Worker', 'industry', 'advanced-worker', 2, 1978),
];

/** The demo's sectors, spelt as the demo spells them so filter chips group old and new people together. */
const S = {
  manufacturing: t('机械制造', 'Manufacturing'),
  textiles: t('纺织', 'Textiles'),
  rail: t('铁路', 'Railways'),
  power: t('电力', 'Power'),
  healthcare: t('医疗卫生', 'Healthcare'),
  construction: t('建筑', 'Construction'),
  education: t('教育', 'Education'),
  transport: t('公共交通', 'Public transport'),
  steel: t('冶金', 'Steel'),
  food: t('食品加工', 'Food processing'),
  electronics: t('电子信息', 'Electronics'),
  sanitation: t('环境卫生', 'Sanitation'),
};

/** A fictional employer, its sector, and a typical job there. */
export interface Employer {
  name: LocalText;
  sector: LocalText;
  job: LocalText;
}

const e = (zh: string, en: string, sector: LocalText, jobZh: string, jobEn: string): Employer => ({
  name: t(zh, en),
  sector,
  job: t(jobZh, jobEn),
});

export const EMPLOYERS: readonly Employer[] = [
  e('市第一机床厂', 'City No. 1 Machine Tool Works', S.manufacturing, '钳工', 'Fitter'),
  e('市重型机械厂', 'City Heavy Machinery Works', S.manufacturing, '焊工', 'Welder'),
  e('市第二棉纺织厂', 'City No. 2 Cotton Mill', S.textiles, '挡车工', 'Loom operator'),
  e('市铁路机务段', 'City Railway Locomotive Depot', S.rail, '机车司机', 'Engine driver'),
  e('市铁路工务段', 'City Railway Track Division', S.rail, '线路工', 'Trackman'),
  e('市供电公司', 'City Power Supply Company', S.power, '输电线路工', 'Lineworker'),
  e('市人民医院', "City People's Hospital", S.healthcare, '护士', 'Nurse'),
  e('市中心医院', 'City Central Hospital', S.healthcare, '外科医生', 'Surgeon'),
  e('市建工集团', 'City Construction Group', S.construction, '架子工', 'Scaffolder'),
  e('市第三中学', 'City No. 3 Middle School', S.education, '教师', 'Teacher'),
  e('市公交集团', 'City Bus Group', S.transport, '公交驾驶员', 'Bus driver'),
  e('市钢铁厂', 'City Steelworks', S.steel, '炉前工', 'Furnace operator'),
  e('市食品厂', 'City Food Factory', S.food, '质检员', 'Quality inspector'),
  e('市电子元件厂', 'City Electronic Components Works', S.electronics, '调试工', 'Test technician'),
  e('市环卫中心', 'City Sanitation Centre', S.sanitation, '环卫工', 'Street cleaner'),
  e(
    '江滨精密仪表厂',
    'Jiangbin Precision Instruments Works',
    S.manufacturing,
    '装配工',
    'Assembler',
  ),
];

/** The demo's districts and counties of its one fictional city. */
export const REGIONS: readonly LocalText[] = [
  t('东城区', 'Dongcheng District'),
  t('南湖区', 'Nanhu District'),
  t('北山区', 'Beishan District'),
  t('江滨区', 'Jiangbin District'),
  t('高新区', 'Hi-Tech Zone'),
  t('临河县', 'Linhe County'),
  t('青山县', 'Qingshan County'),
  t('白水县', 'Baishui County'),
];
