// Hall details, walls, the hall-history timeline and the attract screen of the demo pack.
import { t } from './honors.mjs';

export const HALL = {
  name: t('市工人文化宫·劳模之家', "Model Workers' Hall, City Workers' Cultural Palace"),
  welcome: t(
    '欢迎来到劳模之家。这里讲述着本市各行各业劳动者的奋斗故事，轻触屏幕，走近他们。（演示内容中的人物均为虚构示例。）',
    "Welcome to the Model Workers' Hall. Here we tell the stories of working people from every trade in our city: touch the screen to meet them. (Everyone in this demo is a fictional sample.)",
  ),
  hours: t(
    '周二至周日 9:00—17:00（16:30 停止入场），周一闭馆',
    'Tuesday to Sunday, 9:00–17:00 (last entry 16:30); closed on Mondays',
  ),
};

export const WALLS = [
  {
    id: 'model-workers',
    title: t('劳模风采', 'Model Workers'),
    subtitle: t(
      '劳动模范 · 先进工作者 · 五一劳动奖章 · 工人先锋号',
      'Model workers, advanced workers, May Day medallists and pioneer teams',
    ),
    select: { kinds: ['model-worker', 'advanced-worker', 'may-day-medal', 'pioneer'] },
    layout: 'grid',
  },
  {
    id: 'craftsmen',
    title: t('工匠风采', 'Master Craftsmen'),
    subtitle: t('精益求精，匠心筑梦', 'Skill, patience and pride in every piece of work'),
    select: { kinds: ['craftsman'] },
    layout: 'cylinder',
  },
];

const ev = (date, titleZh, titleEn, textZh, textEn, extra = {}) => ({
  date,
  title: t(titleZh, titleEn),
  text: t(textZh, textEn),
  ...extra,
});

/** Dated events come only from the checked facts; unverified figures are left out or softened. */
export const TIMELINES = [
  {
    id: 'hall-history',
    title: t('劳模表彰历程（1950—2025）', 'Honouring Model Workers, 1950–2025'),
    eras: [
      {
        id: 'era-1950-1966',
        title: t('建设年代', 'Years of Construction'),
        from: 1950,
        to: 1966,
        events: [
          ev(
            '1950-09-25',
            '第一次全国劳模大会',
            'The first national model-worker conference',
            '9月25日至10月2日，全国工农兵劳动模范代表会议在北京召开，与战斗英雄代表会议同期举行，出席的劳动模范代表约460余名。',
            'From 25 September to 2 October, model workers from factories, farms and the army met in Beijing, at the same time as the conference of combat heroes. Some 460 model-worker delegates took part.',
            { workers: ['li-xiuying'], image: 'images/workshop-dawn.webp' },
          ),
          ev(
            '1956-05',
            '全国先进生产者代表会议',
            'National conference of advanced producers',
            '全国先进生产者代表会议于5月10日闭幕，各条战线的先进生产者受到表彰。',
            'A national conference of advanced producers closed on 10 May, honouring pacesetters from every line of work.',
            { workers: ['pan-guiying'] },
          ),
          ev(
            '1959-10-25',
            '“群英会”',
            'The "gathering of heroes"',
            '10月25日至11月8日，全国工交基建财贸方面先进集体和先进生产者代表大会在人民大会堂举行，人称“群英会”。大会表彰先进集体2565个、先进生产者3267名，出席代表6576人。',
            'From 25 October to 8 November the Great Hall of the People hosted a national conference of advanced collectives and producers from industry, transport, construction, finance and trade, long remembered as the "gathering of heroes". It honoured 2,565 collectives and 3,267 advanced producers, with 6,576 delegates present.',
            { workers: ['wang-jianguo', 'tao-yulan'] },
          ),
          ev(
            '1960',
            '十年四次全国表彰',
            'Four national commendations in ten years',
            '从1950年到1960年，全国共举行四次表彰，先进集体6510个、先进个人11120名获此荣誉。',
            'Between 1950 and 1960 there were four national commendations in all, recognising 6,510 collectives and 11,120 individuals.',
          ),
        ],
      },
      {
        id: 'era-1977-1989',
        title: t('重新出发', 'A Fresh Start'),
        from: 1977,
        to: 1989,
        events: [
          ev(
            '1977-04-20',
            '全国工业学大庆会议',
            'The national industry conference at Daqing',
            '4月20日，全国工业学大庆会议在大庆开幕，5月13日在北京闭幕，385名先进生产者和2126个企业受到表彰。',
            'Opening in Daqing on 20 April and closing in Beijing on 13 May, the national industry conference honoured 385 advanced producers and 2,126 enterprises.',
            { workers: ['yan-fusheng'] },
          ),
          ev(
            '1979',
            '三年五次表彰',
            'Five commendations in three years',
            '1977年至1979年，全国共举行五次表彰，先进集体4157个、先进个人2520名受到表彰。',
            'From 1977 to 1979 there were five national commendations, recognising 4,157 collectives and 2,520 individuals.',
            { workers: ['zhao-shulin'] },
          ),
          ev(
            '1985',
            '设立五一劳动奖章',
            'The May Day Labour Medal is created',
            '中华全国总工会设立五一劳动奖章。1985年五一前后，首批1002人获得这枚奖章。',
            'The All-China Federation of Trade Unions created the May Day Labour Medal, and around May Day 1985 its first 1,002 recipients were honoured.',
            { workers: ['chen-zhiyuan'], image: 'images/medal.webp' },
          ),
          ev(
            '1989',
            '国庆前夕的表彰',
            'Honours before National Day',
            '国务院决定在国庆节前召开全国劳动模范表彰大会，计划表彰约3000人。',
            'The State Council decided to hold a national model-worker conference ahead of National Day, planning to honour about 3,000 people.',
            { workers: ['chen-zhiyuan', 'sun-guihua'] },
          ),
        ],
      },
      {
        id: 'era-1995-2010',
        title: t('世纪之交', 'Turn of the Century'),
        from: 1995,
        to: 2010,
        events: [
          ev(
            '1995-04-29',
            '1995年全国表彰大会',
            'The 1995 national conference',
            '4月29日，全国劳动模范和先进工作者表彰大会召开，各行各业的优秀劳动者受到表彰。',
            'On 29 April a national conference honoured outstanding model and advanced workers from every trade.',
            { workers: ['song-baoshan'] },
          ),
          ev(
            '2000-04-28',
            '跨入新世纪的表彰',
            'Honours at the turn of the millennium',
            '4月28日至30日，全国劳动模范和先进工作者表彰大会召开，这是新世纪到来之际的一次全国表彰。',
            'From 28 to 30 April a national conference honoured model and advanced workers as the new century began.',
            { workers: ['liu-dehai', 'xiao-hongmei'], image: 'images/power-lines.webp' },
          ),
          ev(
            '2005-04-30',
            '2124名全国劳动模范',
            '2,124 national model workers',
            '4月30日的表彰大会上，2124人被授予全国劳动模范称号，一批全国先进工作者也同时受到表彰。',
            'At the conference on 30 April, 2,124 people were named national model workers, and national advanced workers were honoured alongside them.',
            { workers: ['zhou-min'] },
          ),
          ev(
            '2008',
            '全国工人先锋号',
            "The National Workers' Pioneer award",
            '全国工人先锋号评选启动，荣誉开始更多地授予一线班组和团队。',
            "The National Workers' Pioneer award began, bringing honours to frontline crews and teams as well as to individuals.",
            { workers: ['hu-yan', 'gao-shan'] },
          ),
          ev(
            '2010-04-27',
            '2985人受到表彰',
            '2,985 people honoured',
            '4月27日，全国劳动模范和先进工作者表彰大会召开，共表彰2985人，其中全国劳动模范2115名、全国先进工作者870名。',
            'On 27 April the national conference honoured 2,985 people: 2,115 model workers and 870 advanced workers.',
            { workers: ['ma-yongsheng', 'zheng-hui'], image: 'images/rail-line.webp' },
          ),
        ],
      },
      {
        id: 'era-2015-2025',
        title: t('新时代', 'A New Era'),
        from: 2015,
        to: 2025,
        events: [
          ev(
            '2015-04-28',
            '2968人受到表彰',
            '2,968 people honoured',
            '4月28日的表彰大会共表彰2968人，包括全国劳动模范2064名、全国先进工作者904名。',
            'The conference on 28 April honoured 2,968 people, including 2,064 model workers and 904 advanced workers.',
            { workers: ['lin-xiaomei', 'liang-yuqin'] },
          ),
          ev(
            '2015',
            '《大国工匠》走进荧屏',
            'Craftsmen on the screen',
            '五一前后，中央电视台播出系列节目《大国工匠》，讲述8位一线工匠的故事，“工匠精神”由此广为人知。',
            'Around May Day, CCTV broadcast the series "Da Guo Gong Jiang" (Great Craftsmen), telling the stories of eight frontline craftsmen and making the idea of craftsmanship widely known.',
            { image: 'images/blueprint-gears.webp' },
          ),
          ev(
            '2019-01-18',
            '首届大国工匠年度人物',
            'The first Craftsmen of the Year',
            '1月18日，2018年度“大国工匠年度人物”揭晓，10人入选，这是该评选的第一届。截至2026年，六届评选共推出60位大国工匠。',
            'On 18 January the first "Great Craftsmen of the Year", for 2018, were named: ten people in all. By 2026, six editions had honoured 60 craftsmen.',
          ),
          ev(
            '2020-11-24',
            '推迟到初冬的大会',
            'A conference held in late November',
            '原本在五一前后召开的表彰大会推迟到11月24日举行，共表彰2493人，其中全国劳动模范1689名、全国先进工作者804名。这是1950年以来的第16次全国表彰，累计受表彰者已超过3万人次。',
            'Usually held around May Day, the conference was postponed to 24 November and honoured 2,493 people: 1,689 model workers and 804 advanced workers. It was the 16th national commendation since 1950, bringing the total number of honours past 30,000.',
            { workers: ['guo-fang', 'huang-lei'] },
          ),
          ev(
            '2025-04-28',
            '第17次全国表彰',
            'The 17th national commendation',
            '4月28日，正值中华全国总工会成立100周年，全国劳动模范和先进工作者表彰大会召开，共表彰2426人，其中全国劳动模范1670名、全国先进工作者756名。',
            'On 28 April, in the centenary year of the All-China Federation of Trade Unions, the 17th national conference honoured 2,426 people: 1,670 model workers and 756 advanced workers.',
            {
              workers: ['he-jun', 'xu-jing', 'tang-lihua', 'wei-lan'],
              image: 'images/shipyard.webp',
            },
          ),
        ],
      },
    ],
  },
];

export const ATTRACT = {
  message: t('轻触屏幕，认识身边的劳模', 'Touch the screen to meet our model workers'),
  walls: WALLS.map((wall) => wall.id),
  // What the screen shows while nobody is there, in order, round and round.
  playlist: [
    { wall: 'model-workers', seconds: 40 },
    { people: 6 },
    { story: 'zhou-min' },
    { wall: 'craftsmen', seconds: 30 },
    { film: 'he-jun', video: 0 },
    { people: 6 },
    { story: 'wang-jianguo' },
  ],
};
