import type { Locale } from './translate';

const cache = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** Whole numbers with the locale's grouping: 12,000. */
export function formatCount(locale: Locale, n: number): string {
  return formatter(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A share 0..1 as a percentage; null (a division by zero) shows as a dash. */
export function formatPercent(locale: Locale, x: number | null, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return formatter(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
}

export function formatNumber(locale: Locale, x: number | null, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  // a negative zero, or a tiny negative that rounds to zero, would print as "-0.0"
  const shown = Number(x.toFixed(digits)) === 0 ? 0 : x;
  return formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(shown);
}

/**
 * A money amount in a currency: the locale's currency format when the code is an ISO 4217 code, else the
 * number followed by the label; whole units; null shows as a dash.
 */
export function formatMoney(locale: Locale, x: number | null, currency: string): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const shown = Math.round(x) === 0 ? 0 : x;
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return formatter(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(shown);
    } catch {
      // not a currency Intl knows: fall through to number + label
    }
  }
  return `${formatter(locale, { maximumFractionDigits: 0 }).format(shown)} ${currency}`;
}
