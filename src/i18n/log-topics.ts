/**
 * What each staff-log code means, in a few Chinese words (and English), shown above the entry's
 * detail so staff who read Chinese first know at a glance what happened. The detail itself stays
 * as the kiosk wrote it (mostly English, with addresses, versions and hashes to pass on to
 * engineers; a few entries, such as the clock's, are written in both languages).
 * A code not listed here shows only its level and the detail.
 */
import type { LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

const TOPICS: Record<string, LocalText> = {
  // Content packs and the feed.
  activated: t('内容包已上线', 'A pack is live'),
  expired: t('内容包已过期，仍在展示', 'The pack has expired; it is still shown'),
  failed: t('检查更新失败，现有内容不变', 'Update check failed; what is live stays live'),
  unreachable: t('无法连接内容服务器', 'The feed cannot be reached'),
  timeout: t('内容服务器响应超时', 'The feed answered too late or too slowly'),
  stalled: t('下载中途停顿', 'A download stalled'),
  http: t('内容服务器返回错误', 'The feed server answered with an error'),
  unreadable: t('内容文件无法读取', 'A feed file cannot be read'),
  truncated: t('文件不完整', 'A file was cut short'),
  'too-large': t('文件超过允许大小', 'A file is larger than allowed'),
  corrupt: t('文件已损坏（校验不符）', 'A file is damaged (its hash does not match)'),
  empty: t('文件为空', 'A file is empty'),
  'bad-json': t('索引或清单格式错误，已拒绝', 'The index or manifest is not valid JSON; refused'),
  'bad-field': t(
    '索引或清单字段有误，已拒绝',
    'A field of the index or manifest is wrong; refused',
  ),
  'index-missing': t('找不到内容索引', 'The feed has no index'),
  'mix-and-match': t(
    '索引与清单版本不一致，已拒绝',
    'Index and manifest differ in version; refused',
  ),
  replay: t('同一版本号内容不同，已拒绝', 'The same version came with other contents; refused'),
  rollback: t('收到旧版本，已拒绝', 'An older version was offered; refused'),
  'signature-invalid': t('签名不符，已拒绝', 'The signature does not match; refused'),
  'signature-missing': t('缺少签名，已拒绝', 'The signature is missing; refused'),
  'content-invalid': t('内容有误，已拒绝', 'The content is invalid; refused'),
  withdrawn: t('该版本已被撤下，不再上线', 'This version was withdrawn; it will not go live'),
  'video-undecodable': t('影片无法在本机播放，已拒绝', 'A film cannot play here; refused'),
  'video-unseekable': t('影片无法拖动进度，已拒绝', 'A film cannot be scrubbed; refused'),
  'storage-full': t('存储空间不足', 'Storage is full'),
  'storage-persistent': t('存储已设为持久', 'Storage is persistent'),
  'storage-not-persistent': t('存储可能被浏览器清理', 'The browser may clear storage'),
  storage: t('本机数据库无法读取', "The kiosk's database cannot be read"),
  embedded: t('正在展示应用自带的内容', 'The pack built into the app is shown'),
  'embedded-failed': t('自带内容无法展示', 'The built-in pack cannot be shown'),
  fallback: t('内容无法加载，已退回上一版本', 'A pack would not load; an earlier one is shown'),
  'load-failed': t('内容无法加载', 'A pack would not load'),
  quarantined: t('内容反复出错，已撤下', 'A pack kept failing and was withdrawn'),
  'demo-key': t('仍在使用演示密钥', 'The demo key is still trusted'),
  // Screens and the kiosk itself.
  'scene-failed': t('页面出错', 'A screen failed'),
  'film-failed': t('影片播放失败', 'A film failed to play'),
  'font-failed': t('字体加载失败', 'A font failed to load'),
  'code-missing': t('应用文件缺失', 'A part of the app is missing'),
  'no-service-worker': t(
    '离线服务未启用，媒体可能无法加载',
    'No service worker; media may not load',
  ),
  'watchdog-reload': t('画面停止响应，已自动重新载入', 'The screen stopped; it was reloaded'),
  'watchdog-gave-up': t(
    '多次重新载入无效，已停止自动重载',
    'Reloads did not help; the watchdog stands down',
  ),
  'attract-skipped': t('待机展示中有一段被跳过', 'A segment of the attract loop was skipped'),
  'clock-ok': t('本机时钟正常', "The kiosk's clock is right"),
  'clock-wrong': t('本机时钟有误', "The kiosk's clock is wrong"),
  'app-update-check': t('无法检查应用更新', 'The app update check failed'),
  'app-update-ready': t('应用新版本已就绪', 'A new app version is ready'),
  'app-updated': t('应用已更新', 'The app was updated'),
  'app-update-failed': t(
    '应用更新失败，旧版本继续运行',
    'The app update failed; the old version runs on',
  ),
  'app-install-failed': t(
    '应用无法保存以供离线使用',
    'The app could not be stored for offline use',
  ),
  'salutes-reset': t('致敬数已清空', 'Salutes were reset'),
  // What staff did in the panel.
  'staff-panel-opened': t('工作人员面板已打开', 'The staff panel was opened'),
  'staff-panel-failed': t('工作人员面板出错', 'The staff panel failed'),
  'staff-pin-set': t('已设置工作人员密码', 'A staff PIN was set'),
  'staff-pin-changed': t('工作人员密码已更改', 'The staff PIN was changed'),
  'staff-pin-backoff': t('密码多次输错，需等待', 'Wrong PINs: a wait before the next try'),
  'staff-pin-lockout': t('密码多次输错，已锁定', 'Wrong PINs: locked'),
  'staff-feed-url': t('内容地址已更改', 'The feed address was changed'),
  'staff-public-key': t('信任的公钥已更改', 'The trusted key was changed'),
  'staff-rollback': t('已退回上一版本', 'Rolled back to the previous version'),
  'staff-hours': t('开放时间已更改', 'Opening hours were changed'),
  'staff-idle': t('无人操作返回时间已更改', 'Idle times were changed'),
  'staff-language': t('默认语言已更改', 'The default language was changed'),
  'staff-motion': t('动画设置已更改', 'The motion setting was changed'),
};

/** The few words for a log code, or null when it has none. */
export function logTopic(code: string): LocalText | null {
  return TOPICS[code] ?? null;
}
