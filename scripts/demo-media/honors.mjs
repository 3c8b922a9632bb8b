// Shared text helpers and honour constructors for the fictional demo roster.

/** Localised text, Chinese first. */
export const t = (zh, en) => ({ 'zh-CN': zh, en });

/** Every sample person's role starts with this marker, so the sample is visible in the text itself. */
export const sampleRole = (zh, en) => t(`（示例人物）${zh}`, `(Sample) ${en}`);

const honor = (zh, en, level, kind) => (year) => ({ title: t(zh, en), level, kind, year });

/** Honour constructors, each taking the year it was awarded. */
export const H = {
  // National conferences: 1950 model workers, 1956/1959/1977 advanced producers, since 1979 model workers.
  nationalModel: honor('全国劳动模范', 'National Model Worker', 'national', 'model-worker'),
  nationalProducer: honor(
    '全国先进生产者',
    'National Advanced Producer',
    'national',
    'model-worker',
  ),
  nationalAdvanced: honor(
    '全国先进工作者',
    'National Advanced Worker',
    'national',
    'advanced-worker',
  ),
  nationalMedal: honor(
    '全国五一劳动奖章',
    'National May Day Labour Medal',
    'national',
    'may-day-medal',
  ),
  nationalPioneerTeam: honor(
    '全国工人先锋号（所在班组）',
    "National Workers' Pioneer (awarded to the team)",
    'national',
    'pioneer',
  ),
  provincialModel: honor('省劳动模范', 'Provincial Model Worker', 'provincial', 'model-worker'),
  provincialAdvanced: honor(
    '省先进工作者',
    'Provincial Advanced Worker',
    'provincial',
    'advanced-worker',
  ),
  provincialMedal: honor(
    '省五一劳动奖章',
    'Provincial May Day Labour Medal',
    'provincial',
    'may-day-medal',
  ),
  provincialCraftsman: honor('省级工匠', 'Provincial Master Craftsman', 'provincial', 'craftsman'),
  municipalModel: honor('市劳动模范', 'Municipal Model Worker', 'municipal', 'model-worker'),
  municipalAdvanced: honor(
    '市先进工作者',
    'Municipal Advanced Worker',
    'municipal',
    'advanced-worker',
  ),
  municipalMedal: honor(
    '市五一劳动奖章',
    'Municipal May Day Labour Medal',
    'municipal',
    'may-day-medal',
  ),
  municipalCraftsman: honor('市级工匠', 'Municipal Master Craftsman', 'municipal', 'craftsman'),
  railModel: honor('铁路系统劳动模范', 'Railway Sector Model Worker', 'industry', 'model-worker'),
  railChiefTechnician: honor(
    '铁路系统首席技师',
    'Railway Sector Chief Technician',
    'industry',
    'craftsman',
  ),
  powerTechExpert: honor(
    '电力行业技术能手',
    'Power Industry Technical Expert',
    'industry',
    'craftsman',
  ),
};

/** Sectors, so the same sector is spelt the same way everywhere. */
export const SECTOR = {
  manufacturing: t('机械制造', 'Manufacturing'),
  textiles: t('纺织', 'Textiles'),
  food: t('食品加工', 'Food processing'),
  agriculture: t('农业', 'Agriculture'),
  mining: t('采矿', 'Mining'),
  steel: t('冶金', 'Steel'),
  power: t('电力', 'Power'),
  rail: t('铁路', 'Railways'),
  healthcare: t('医疗卫生', 'Healthcare'),
  construction: t('建筑', 'Construction'),
  education: t('教育', 'Education'),
  shipbuilding: t('船舶制造', 'Shipbuilding'),
  aerospace: t('航天', 'Aerospace'),
  transport: t('公共交通', 'Public transport'),
  sanitation: t('环境卫生', 'Sanitation'),
  electronics: t('电子信息', 'Electronics'),
  automotive: t('汽车制造', 'Automotive'),
  port: t('港口物流', 'Port and logistics'),
  instruments: t('仪器仪表', 'Precision instruments'),
  water: t('供水', 'Water supply'),
  chemicals: t('化工', 'Chemicals'),
  postal: t('邮政快递', 'Post and parcels'),
  petrochemicals: t('石油化工', 'Petrochemicals'),
};

/** Fictional districts and counties of one unnamed city. */
export const REGION = {
  dongcheng: t('东城区', 'Dongcheng District'),
  nanhu: t('南湖区', 'Nanhu District'),
  beishan: t('北山区', 'Beishan District'),
  jiangbin: t('江滨区', 'Jiangbin District'),
  hitech: t('高新区', 'Hi-Tech Zone'),
  linhe: t('临河县', 'Linhe County'),
  qingshan: t('青山县', 'Qingshan County'),
  baishui: t('白水县', 'Baishui County'),
};

export const MODEL = ['model-spirit', 'labour-spirit'];
export const CRAFT = ['craftsman-spirit', 'labour-spirit'];
export const ALL_SPIRITS = ['model-spirit', 'labour-spirit', 'craftsman-spirit'];
