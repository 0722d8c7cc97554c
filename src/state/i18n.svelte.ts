import type { MessageKey } from '../i18n/en';
import { formatCount, formatMoney, formatNumber, formatPercent } from '../i18n/format';
import { LOCALES, translate, type Locale, type MessageParams } from '../i18n/translate';

const STORAGE_KEY = 'scorelab.locale';

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return globalThis.navigator?.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The UI language (persisted) and the translation and number-format helpers bound to it. */
class I18nState {
  locale = $state<Locale>(initialLocale());

  t = (key: MessageKey, params?: MessageParams): string => translate(this.locale, key, params);
  count = (n: number): string => formatCount(this.locale, n);
  percent = (x: number | null, digits = 1): string => formatPercent(this.locale, x, digits);
  number = (x: number | null, digits = 1): string => formatNumber(this.locale, x, digits);
  money = (x: number | null, currency: string): string => formatMoney(this.locale, x, currency);
  /** A money difference with its sign: +$1,200 / −$300 / $0. */
  signedMoney = (x: number, currency: string): string =>
    `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatMoney(this.locale, Math.abs(x), currency)}`;

  set(locale: Locale): void {
    this.locale = locale;
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  }
}

export const i18n = new I18nState();
