/** Companies: firmographics, unique invented names, re-use across leads and spelling variants. */
import { cumulate, pickWeighted, type Rng } from './prng.ts';
import {
  COUNTRIES,
  INDUSTRY_WEIGHTS,
  INDUSTRY_WORDS,
  INDUSTRY_WORDS_ZH,
  LATIN_AMERICA,
  REGION_WEIGHTS,
  ROOT_HEADS,
  ROOT_MIDS,
  ROOT_TAILS,
  ZH_CITIES,
  ZH_NAME_CHARS,
} from './vocab.ts';

export interface Company {
  /** Position in the name permutation; decides both the English and the Chinese name. */
  nameKey: number;
  country: number;
  region: number;
  industry: number;
  employees: number;
  /** Annual revenue in USD, or null when not recorded. */
  revenue: number | null;
}

const ROOTS = ROOT_HEADS.length * ROOT_MIDS.length * ROOT_TAILS.length;
const EN_NAMES = ROOTS * 4;
const ZH_PAIRS = ZH_NAME_CHARS.length * (ZH_NAME_CHARS.length - 1);
/** Names are unique up to this many companies; beyond it they wrap (only in benchmark-size data). */
const NAME_SPACE = EN_NAMES; // 28,800; the Chinese space (31,200) is larger
const NAME_STRIDE = 17801; // ≈ golden-ratio fraction of NAME_SPACE and coprime with it, so neighbours differ

const regionCum = cumulate(REGION_WEIGHTS);
const countriesByRegion = REGION_WEIGHTS.map((_, r) =>
  COUNTRIES.map((c, i) => ({ c, i })).filter((x) => x.c.region === r),
);
const countryCumByRegion = countriesByRegion.map((list) => cumulate(list.map((x) => x.c.weight)));
const industryCum = cumulate(INDUSTRY_WEIGHTS);

const POOL_SIZE = 3000;
/** P(a lead belongs to a company already seen), and P(its name is then spelled differently). */
export const P_REUSE = 0.04;
export const P_VARIANT = 0.3;
const VARIANTS = 4;

export class CompanyPool {
  private readonly pool: Company[] = [];
  private created = 0;
  private readonly offset: number;

  constructor(private readonly rng: Rng) {
    this.offset = rng.int(NAME_SPACE);
  }

  /** Returns the lead's company and name variant (0 = canonical spelling). */
  next(): { company: Company; variant: number } {
    const rng = this.rng;
    if (this.pool.length > 0 && rng.bool(P_REUSE)) {
      const company = this.pool[rng.int(this.pool.length)];
      const variant = rng.bool(P_VARIANT) ? 1 + rng.int(VARIANTS) : 0;
      return { company, variant };
    }
    const company = this.create();
    if (this.pool.length < POOL_SIZE) this.pool.push(company);
    else this.pool[this.created % POOL_SIZE] = company;
    return { company, variant: 0 };
  }

  private create(): Company {
    const rng = this.rng;
    const region = pickWeighted(rng, regionCum);
    const country = countriesByRegion[region][pickWeighted(rng, countryCumByRegion[region])].i;
    const industry = pickWeighted(rng, industryCum);
    // Latin American companies in the sample skew smaller (median 85 vs 120 employees).
    const median = region === LATIN_AMERICA ? 85 : 120;
    const employees = Math.min(50000, Math.max(3, Math.round(rng.logNormal(median, 1.6))));
    const perHead = rng.logNormal(industry === 0 ? 220000 : 160000, 0.45);
    const revenue = rng.bool(0.05) ? null : Math.round((employees * perHead) / 1000) * 1000;
    const nameKey = (this.offset + this.created * NAME_STRIDE) % NAME_SPACE;
    this.created++;
    return { nameKey, country, region, industry, employees, revenue };
  }
}

function rootOf(key: number): { root: string; word: number } {
  const r = key % ROOTS;
  const head = ROOT_HEADS[r % ROOT_HEADS.length];
  const tail = ROOT_TAILS[Math.floor(r / ROOT_HEADS.length) % ROOT_TAILS.length];
  const mid = ROOT_MIDS[Math.floor(r / (ROOT_HEADS.length * ROOT_TAILS.length))];
  return { root: head + mid + tail, word: Math.floor(key / ROOTS) % 4 };
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

export function englishName(c: Company, variant: number): string {
  const { root, word } = rootOf(c.nameKey);
  const base = `${root} ${INDUSTRY_WORDS[c.industry][word]}`;
  const suffix = COUNTRIES[c.country].suffix;
  switch (variant) {
    case 1:
      return `${root.toUpperCase()} ${COUNTRIES[c.country].name}`;
    case 2:
      return `${base} ${titleCase(suffix)} `;
    case 3:
      return base;
    case 4: {
      const typo = root.charAt(0) + root.charAt(2) + root.charAt(1) + root.slice(3);
      return `${typo} ${INDUSTRY_WORDS[c.industry][word]} ${suffix}`;
    }
    default:
      return `${base} ${suffix}`;
  }
}

export function chineseName(c: Company, variant: number): string {
  const key = c.nameKey % (ZH_PAIRS * ZH_CITIES.length);
  const pair = key % ZH_PAIRS;
  const first = pair % ZH_NAME_CHARS.length;
  let second = Math.floor(pair / ZH_NAME_CHARS.length);
  if (second >= first) second++;
  const brand = ZH_NAME_CHARS[first] + ZH_NAME_CHARS[second] + INDUSTRY_WORDS_ZH[c.industry];
  const country = COUNTRIES[c.country];
  const city = ZH_CITIES[Math.floor(key / ZH_PAIRS)];
  const place = country.name === 'China' ? city : country.zh;
  switch (variant) {
    case 1:
      return `${brand}${country.name === 'China' ? city.replace('市', '') : country.zh}分公司`;
    case 2:
      return `${place}${brand}有限公司 `;
    case 3:
      return `${place.replace('市', '')}${brand}公司`;
    case 4:
      return brand;
    default:
      return `${place}${brand}有限公司`;
  }
}
