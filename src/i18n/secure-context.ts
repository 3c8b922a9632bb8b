/** What the kiosk says when it is opened where it cannot run (plain HTTP on a LAN address), Chinese first. */
import type { LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

export const INSECURE_STRINGS = {
  title: t('本展示终端需要安全连接', 'This kiosk needs a secure connection'),
  why: t(
    '浏览器只在安全连接（HTTPS，或本机的 localhost）下提供展陈内容所需的签名校验与离线存储，因此当前无法启动。',
    'Browsers allow the signature checks and offline storage this kiosk relies on only over a secure connection (HTTPS, or localhost on this machine), so it cannot start here.',
  ),
  openedAt: t('当前地址（普通 HTTP）', 'Opened over plain HTTP at'),
  whatToDo: t('请这样打开', 'Open it one of these ways'),
  local: t('在展示终端本机的浏览器中打开', 'On the kiosk machine itself, open'),
  https: t(
    '或由展馆服务器使用本馆证书以 HTTPS 提供，再打开',
    "Or serve it over HTTPS with the hall's certificate, then open",
  ),
  staff: t('请联系展馆技术人员处理。', "Please ask the hall's technical staff."),
} satisfies Record<string, LocalText>;
