/** Strings of the take-away QR code on a person's page, Chinese first with English alongside. */
import type { LocalText } from '../content/schema';

const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

export const TAKE_AWAY = {
  caption: t('扫码了解更多', 'Scan to read more'),
  label: t('二维码：用手机扫码，了解更多', 'QR code: scan with a phone to read more'),
};
