/** Every fixed string of the staff PIN pad and panel, Chinese first with English alongside. */
import type { LocalText } from '../content/schema';
import { formatBytes } from './staff-format';
import type { Problem } from '../shell/staff-settings';
import type { SyncPhase } from '../sync/sync-machine';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

export const STAFF = {
  // The PIN pad.
  pinEnter: t('请输入工作人员密码', 'Enter the staff PIN'),
  pinSet: t('设置工作人员密码', 'Set a staff PIN'),
  pinSetHint: t(
    '首次使用：请设置 4 至 8 位数字密码，设置后才能使用面板',
    'First use: choose a PIN of 4 to 8 digits before the panel can be used',
  ),
  pinConfirm: t('请再次输入同一密码', 'Enter the same PIN again'),
  pinMismatch: t('两次输入不一致，请重新设置', 'The two entries differ; please start again'),
  pinLength: t('密码为 4 至 8 位数字', 'A PIN has 4 to 8 digits'),
  pinWrong: t('密码不正确', 'That PIN is not right'),
  pinChecking: t('正在核对…', 'Checking…'),
  pinStoreBroken: t(
    '无法读取本机存储，面板暂不能打开；请重新载入页面',
    "The kiosk's storage cannot be read, so the panel cannot open; reload the page",
  ),
  pinCurrent: t('请输入当前密码', 'Enter the current PIN'),
  pinNew: t('请输入新密码', 'Enter the new PIN'),
  pinChanged: t('密码已修改', 'The PIN was changed'),
  changePin: t('修改密码', 'Change the PIN'),
  ok: t('确定', 'OK'),
  erase: t('删除', 'Delete'),
  cancel: t('取消', 'Cancel'),
  close: t('关闭', 'Close'),

  // The panel's frame.
  panelTitle: t('工作人员面板', 'Staff panel'),
  closePanel: t('关闭面板', 'Close the panel'),
  afterReload: t(
    '保存的设置在重新载入页面后生效；默认语言立即生效。',
    'Saved settings take effect after a reload; the default language at once.',
  ),

  // The live pack.
  livePack: t('当前内容包', 'Live pack'),
  packId: t('包名', 'Pack'),
  version: t('版本', 'Version'),
  published: t('发布时间', 'Published'),
  expires: t('有效期至', 'Expires'),
  activated: t('上线时间', 'Went live'),
  signingKey: t('签名密钥指纹', 'Signing key'),
  builtIn: t('应用内置内容包', 'The pack built into the app'),
  notRecorded: t('未记录', 'not recorded'),
  expired: t('已过期，内容继续播放', 'expired; the content keeps playing'),
  demoKey: t(
    '本机信任公开的演示密钥，任何人都能为它签发内容包。开放参观前，请用本馆自己的密钥构建。',
    "This kiosk trusts the public demo key, so anyone could sign packs for it. Build it with the hall's own key before opening to visitors.",
  ),
  rollBack: t('回退到上一版本', 'Roll back'),
  noPrevious: t('没有可回退的上一版本', 'No previous version to roll back to'),
  confirmRollBack: t('确认回退', 'Yes, roll back'),

  // The feed.
  feed: t('内容更新', 'Feed'),
  feedAddress: t('内容源', 'Feed address'),
  status: t('状态', 'Status'),
  online: t('已联网', 'online'),
  offline: t('未联网', 'offline'),
  lastCheck: t('上次检查', 'Last check'),
  neverChecked: t('自本次启动以来尚无检查结果', 'No check has finished since the kiosk started'),
  checkNow: t('立即检查更新', 'Check now'),
  importFolder: t('从 U 盘文件夹导入', 'Import a USB folder'),
  importZip: t('导入 zip 文件', 'Import a zip file'),
  importMissing: t(
    '导入功能未能载入，请重新载入页面',
    'The import could not be loaded; reload the page',
  ),
  viaImport: t('（导入）', '(import)'),

  // This kiosk.
  device: t('本机状态', 'This kiosk'),
  appVersion: t('应用版本', 'App version'),
  uptime: t('已运行', 'Running for'),
  frameRate: t('帧率', 'Frame rate'),
  storage: t('存储空间', 'Storage'),
  persistent: t('持久存储', 'Persistent storage'),
  persistentYes: t('是：浏览器不会清除内容', 'yes: the browser will not evict the content'),
  persistentNo: t(
    '否：磁盘紧张时浏览器可能清除内容（之后会重新下载）',
    'no: under disk pressure the browser may evict content (fetched again later)',
  ),
  unknown: t('未知', 'unknown'),
  reload: t('重新载入页面', 'Reload the page'),

  // The log and statistics.
  log: t('工作日志', 'Staff log'),
  logEmpty: t('暂无记录', 'Nothing logged yet'),
  visits: t('近 30 天参观统计', 'Visits, last 30 days'),

  // Settings.
  feedSettings: t('内容源与信任的公钥', 'Feed address and trusted key'),
  publicKey: t('信任的公钥（Base64）', 'Trusted public key (base64)'),
  save: t('保存', 'Save'),
  saved: t('已保存，重新载入页面后生效', 'Saved; takes effect after a reload'),
  newKey: t(
    '更换公钥后，用旧密钥签名的内容包将被拒绝。当前内容继续播放；下一版本必须用新密钥签名。',
    'With a new key, packs signed with the old key will be refused. What is live keeps playing; the next version must be signed with the new key.',
  ),
  otherOrigin: t(
    '该地址在另一台服务器上：只有为它构建的应用才能访问（安全策略）。',
    'This address is on another server: only an app built for it may reach it (security policy).',
  ),
  kioskSettings: t('参观设置', 'Visits'),
  defaultLanguage: t('默认语言', 'Default language'),
  motion: t('动画', 'Motion'),
  motionLively: t('生动', 'Lively'),
  motionCalm: t('舒缓', 'Calm'),
  idleSeconds: t('无人操作后返回（秒）', 'Return home after, untouched (s)'),
  countdownSeconds: t('返回前倒计时（秒）', 'Countdown before that (s)'),
  openingHours: t('开放时间', 'Opening hours'),
  alwaysOpen: t('全天开放', 'Always open'),
  setHours: t('按时开放', 'Set hours'),
  opens: t('开馆', 'Opens'),
  closes: t('闭馆', 'Closes'),
} satisfies Record<string, LocalText>;

/** Day names, 0 = Sunday, as on the opening-hours chips. */
export const DAY_NAMES: LocalText[] = [
  t('日', 'Sun'),
  t('一', 'Mon'),
  t('二', 'Tue'),
  t('三', 'Wed'),
  t('四', 'Thu'),
  t('五', 'Fri'),
  t('六', 'Sat'),
];

export const LEVEL_LABELS: Record<'info' | 'warn' | 'error', LocalText> = {
  info: t('信息', 'info'),
  warn: t('注意', 'warning'),
  error: t('错误', 'error'),
};

export const PHASE_NAMES: Record<SyncPhase, LocalText> = {
  idle: t('空闲', 'idle'),
  checking: t('正在检查内容源', 'checking the feed'),
  downloading: t('正在下载', 'downloading'),
  verifying: t('正在校验', 'verifying'),
  'waiting-for-idle': t(
    '已下载，等待无人时上线',
    'downloaded; goes live once nobody is at the screen',
  ),
  activating: t('正在上线', 'going live'),
};

export const PROBLEMS: Record<Problem, LocalText> = {
  empty: t('不能为空', 'must not be empty'),
  'not-http': t(
    '须为 http(s) 地址，或本站以 / 开头的路径',
    'must be an http(s) address or a path on this site starting with /',
  ),
  'no-slash': t('须以 / 结尾（内容源是一个文件夹）', 'must end with / (a feed is a folder)'),
  'has-query': t('不能带 ? 或 # 部分', 'must not have a ? or # part'),
  'has-credentials': t('不能包含用户名或密码', 'must not contain a user name or password'),
  'not-base64': t('不是 Base64 文本', 'is not base64 text'),
  'not-32-bytes': t(
    '须为 32 字节的 Base64（.pub 文件的内容）',
    'must be base64 of 32 bytes (a .pub file)',
  ),
  'not-ed25519': t('不是可用的 Ed25519 公钥', 'is not a usable Ed25519 public key'),
  'bad-time': t('时间格式应为 时:分', 'times must be HH:MM'),
  'no-days': t('至少选择一天', 'choose at least one day'),
  'same-times': t('开馆与闭馆时间不能相同', 'opening and closing times must differ'),
};

/** Bilingual sentences with figures in them. */
export const STAFF_SAYS = {
  pinWait: (left: string) => t(`请于 ${left} 后再试`, `Please try again in ${left}`),
  pinLocked: (left: string) =>
    t(`错误次数过多，密码盘锁定 ${left}`, `Too many wrong PINs: the pad is locked for ${left}`),
  previous: (v: number) => t(`上一版本：${v}`, `Previous version: ${v}`),
  rollBackAsk: (from: number, to: number) =>
    t(
      `撤下版本 ${from}，恢复版本 ${to}？撤下的版本不会再上线；修正后请以更高版本号发布。`,
      `Withdraw version ${from} and bring back version ${to}? The withdrawn version will never go live again; publish a corrected pack under a higher version.`,
    ),
  rolledBack: (v: number | null) =>
    v === null
      ? t('已回退，现显示应用内置内容包', 'Rolled back: the built-in pack is on screen')
      : t(`已回退，现为版本 ${v}`, `Rolled back: version ${v} is live`),
  activated: (v: number | null) => t(`版本 ${v ?? '?'} 已上线`, `Version ${v ?? '?'} is now live`),
  upToDate: (v: number | null) =>
    t(`已是最新（版本 ${v ?? '?'}）`, `Up to date (version ${v ?? '?'} is live)`),
  rejected: (v: number | null) =>
    t(
      `已拒绝版本 ${v ?? '?'}，当前内容不变`,
      `Version ${v ?? '?'} was refused; what is live stays live`,
    ),
  failed: t(
    '检查未成功，当前内容不变，稍后自动重试',
    'The check did not succeed; what is live stays live and it is retried later',
  ),
  files: (done: number, total: number) =>
    t(`${done} / ${total} 个文件`, `${done} / ${total} files`),
  usedOf: (used: number, quota: number) =>
    t(
      `已用 ${formatBytes(used, 'zh-CN')}，共 ${formatBytes(quota, 'zh-CN')}`,
      `${formatBytes(used, 'en')} used of ${formatBytes(quota, 'en')}`,
    ),
  fps: (n: number) => t(`每秒 ${n} 帧`, `${n} fps`),
  repeats: (n: number) => t(`重复 ${n} 次`, `${n} times`),
};
