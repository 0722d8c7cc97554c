/** Calendar helpers on UTC day numbers (days since 1970-01-01). */
export const DAY_SECONDS = 86400;

export function parseDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`expected a YYYY-MM-DD date, got "${iso}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000;
}

export function addMonths(day: number, months: number): number {
  const d = new Date(day * 86400000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()) / 86400000;
}

/** Calendar quarter 1–4 of a day. */
export function calendarQuarter(day: number): number {
  return Math.floor(new Date(day * 86400000).getUTCMonth() / 3) + 1;
}

const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** Caches the formatted strings of each day so hot loops only concatenate. */
export class DayFormatter {
  private readonly iso = new Map<number, string>();
  private readonly slash = new Map<number, string>();

  isoDate(day: number): string {
    let s = this.iso.get(day);
    if (s === undefined) {
      s = new Date(day * 86400000).toISOString().slice(0, 10);
      this.iso.set(day, s);
    }
    return s;
  }

  /** Chinese CRM style: 2024/3/5. */
  slashDate(day: number): string {
    let s = this.slash.get(day);
    if (s === undefined) {
      const d = new Date(day * 86400000);
      s = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
      this.slash.set(day, s);
    }
    return s;
  }

  /** `YYYY-MM-DD HH:MM:SS` from seconds since the epoch. */
  dateTime(seconds: number): string {
    const day = Math.floor(seconds / DAY_SECONDS);
    let rest = seconds - day * DAY_SECONDS;
    const h = Math.floor(rest / 3600);
    rest -= h * 3600;
    const m = Math.floor(rest / 60);
    return `${this.isoDate(day)} ${pad2[h]}:${pad2[m]}:${pad2[rest - m * 60]}`;
  }
}
