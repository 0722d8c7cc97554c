import {
  BOOLEAN_FIELDS,
  CATEGORY_FIELDS,
  NUMERIC_FIELDS,
  SCENARIO_VERSION,
  TEXT_FIELDS,
  type Scenario,
} from './scenario';

export interface ValidationError {
  path: string;
  message: string;
}
export type Validated = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] };

type Obj = Record<string, unknown>;

/** Checks an untrusted value (a file, a link, localStorage) against the scenario schema, listing every error. */
export function validateScenario(input: unknown): Validated {
  const errors: ValidationError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });

  const isObj = (
    v: unknown,
    path: string,
    keys: readonly string[],
    optional: readonly string[] = [],
  ): v is Obj => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      fail(path, 'must be an object');
      return false;
    }
    for (const k of Object.keys(v))
      if (!keys.includes(k) && !optional.includes(k)) fail(`${path}.${k}`, 'unknown key');
    for (const k of keys) if (!(k in v)) fail(`${path}.${k}`, 'is required');
    return true;
  };
  const num = (v: unknown, path: string, min = -1e6, max = 1e6): boolean => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return (fail(path, 'must be a finite number'), false);
    if (v < min || v > max) return (fail(path, `must be between ${min} and ${max}`), false);
    return true;
  };
  const str = (v: unknown, path: string, maxLength = 200): boolean => {
    if (typeof v !== 'string') return (fail(path, 'must be a string'), false);
    if (v.length > maxLength) return (fail(path, `must be at most ${maxLength} characters`), false);
    return true;
  };
  const oneOf = (v: unknown, path: string, allowed: readonly string[]) => {
    if (typeof v !== 'string' || !allowed.includes(v)) fail(path, `must be one of ${allowed.join(', ')}`);
  };
  const strList = (v: unknown, path: string, minItems = 1) => {
    if (!Array.isArray(v) || v.length < minItems || v.length > 1000)
      return fail(path, `must be a list of ${minItems}–1000 strings`);
    v.forEach((s, i) => str(s, `${path}[${i}]`));
  };
  const list = (v: unknown, path: string, min: number, max: number): v is unknown[] => {
    if (!Array.isArray(v) || v.length < min || v.length > max) {
      fail(path, `must be a list of ${min}–${max} items`);
      return false;
    }
    return true;
  };

  const ruleIds = new Set<string>();
  const checkRule = (r: unknown, path: string) => {
    const base = ['id', 'kind'];
    const opt = ['label', 'disqualify'];
    if (typeof r !== 'object' || r === null) return fail(path, 'must be an object');
    const kind = (r as Obj).kind;
    const keysByKind: Record<string, string[]> = {
      category: ['field', 'cases'],
      bands: ['field', 'bands'],
      boolean: ['field', 'pointsTrue', 'pointsFalse'],
      contains: ['field', 'keywords', 'points'],
      events: ['events', 'pointsPerEvent', 'cap', 'decay'],
    };
    if (typeof kind !== 'string' || !(kind in keysByKind))
      return fail(`${path}.kind`, `must be one of ${Object.keys(keysByKind).join(', ')}`);
    if (!isObj(r, path, [...base, ...keysByKind[kind]], opt)) return;
    if (str(r.id, `${path}.id`, 80)) {
      if (ruleIds.has(r.id as string)) fail(`${path}.id`, 'must be unique');
      ruleIds.add(r.id as string);
    }
    if ('label' in r) str(r.label, `${path}.label`);
    if ('disqualify' in r && typeof r.disqualify !== 'boolean')
      fail(`${path}.disqualify`, 'must be true or false');
    if (kind === 'category') {
      oneOf(r.field, `${path}.field`, CATEGORY_FIELDS);
      if (list(r.cases, `${path}.cases`, 1, 50))
        r.cases.forEach((c, i) => {
          if (!isObj(c, `${path}.cases[${i}]`, ['values', 'points'])) return;
          strList(c.values, `${path}.cases[${i}].values`);
          num(c.points, `${path}.cases[${i}].points`, -1000, 1000);
        });
    } else if (kind === 'bands') {
      oneOf(r.field, `${path}.field`, NUMERIC_FIELDS);
      if (list(r.bands, `${path}.bands`, 1, 50))
        r.bands.forEach((b, i) => {
          if (!isObj(b, `${path}.bands[${i}]`, ['min', 'max', 'points'])) return;
          if (b.min !== null) num(b.min, `${path}.bands[${i}].min`, -1e15, 1e15);
          if (b.max !== null) num(b.max, `${path}.bands[${i}].max`, -1e15, 1e15);
          num(b.points, `${path}.bands[${i}].points`, -1000, 1000);
        });
    } else if (kind === 'boolean') {
      oneOf(r.field, `${path}.field`, BOOLEAN_FIELDS);
      num(r.pointsTrue, `${path}.pointsTrue`, -1000, 1000);
      num(r.pointsFalse, `${path}.pointsFalse`, -1000, 1000);
    } else if (kind === 'contains') {
      oneOf(r.field, `${path}.field`, TEXT_FIELDS);
      strList(r.keywords, `${path}.keywords`);
      num(r.points, `${path}.points`, -1000, 1000);
    } else {
      strList(r.events, `${path}.events`);
      num(r.pointsPerEvent, `${path}.pointsPerEvent`, -1000, 1000);
      num(r.cap, `${path}.cap`, 0.001, 1e6);
      const d = r.decay;
      if (typeof d !== 'object' || d === null) return fail(`${path}.decay`, 'must be an object');
      const dk = (d as Obj).kind;
      if (dk === 'none') isObj(d, `${path}.decay`, ['kind']);
      else if (dk === 'exponential') {
        if (isObj(d, `${path}.decay`, ['kind', 'halfLifeDays']))
          num(d.halfLifeDays, `${path}.decay.halfLifeDays`, 0.01, 36500);
      } else if (dk === 'linear' || dk === 'window') {
        if (isObj(d, `${path}.decay`, ['kind', 'windowDays']))
          num(d.windowDays, `${path}.decay.windowDays`, 0.01, 36500);
      } else fail(`${path}.decay.kind`, 'must be one of none, exponential, linear, window');
    }
  };

  if (!isObj(input, '$', ['version', 'name', 'dimensions', 'tiers', 'settings']))
    return { ok: false, errors };
  if (input.version !== SCENARIO_VERSION) fail('$.version', `must be ${SCENARIO_VERSION}`);
  str(input.name, '$.name');
  const dimIds = new Set<string>();
  if (list(input.dimensions, '$.dimensions', 1, 20)) {
    input.dimensions.forEach((d, i) => {
      const path = `$.dimensions[${i}]`;
      if (!isObj(d, path, ['id', 'weight', 'rules'], ['label'])) return;
      if (str(d.id, `${path}.id`, 80)) {
        if (dimIds.has(d.id as string)) fail(`${path}.id`, 'must be unique');
        dimIds.add(d.id as string);
      }
      if ('label' in d) str(d.label, `${path}.label`);
      num(d.weight, `${path}.weight`, 0, 1000);
      if (list(d.rules, `${path}.rules`, 0, 200))
        d.rules.forEach((r, j) => checkRule(r, `${path}.rules[${j}]`));
    });
  }
  if (list(input.tiers, '$.tiers', 3, 5)) {
    let previous = Infinity;
    input.tiers.forEach((t, i) => {
      const path = `$.tiers[${i}]`;
      if (!isObj(t, path, ['name', 'min'])) return;
      if (str(t.name, `${path}.name`, 40) && (t.name as string).trim() === '')
        fail(`${path}.name`, 'must not be empty');
      if (num(t.min, `${path}.min`, 0, 100)) {
        if ((t.min as number) >= previous) fail(`${path}.min`, 'must be lower than the tier above');
        previous = t.min as number;
      }
    });
  }
  const checkRoi = (r: unknown, path: string) => {
    const keys = ['costPerLead', 'hourly', 'marginPct', 'fixedPerQuarter', 'capacityPerQuarter', 'cut'];
    if (!isObj(r, path, [...keys, 'currency', 'rates', 'cohort'])) return;
    const amounts = (v: unknown, p: string) => {
      if (list(v, p, 1, 5)) v.forEach((x, i) => num(x, `${p}[${i}]`, 0, 1e9));
    };
    amounts(r.costPerLead, `${path}.costPerLead`);
    if (r.hourly !== null && isObj(r.hourly, `${path}.hourly`, ['hours', 'rate'])) {
      amounts(r.hourly.hours, `${path}.hourly.hours`);
      num(r.hourly.rate, `${path}.hourly.rate`, 0, 1e6);
    }
    num(r.marginPct, `${path}.marginPct`, 0, 100);
    num(r.fixedPerQuarter, `${path}.fixedPerQuarter`, 0, 1e12);
    if (r.capacityPerQuarter !== null) num(r.capacityPerQuarter, `${path}.capacityPerQuarter`, 0, 1e9);
    num(r.cut, `${path}.cut`, 0, 4);
    str(r.currency, `${path}.currency`, 20);
    if (r.rates !== null && isObj(r.rates, `${path}.rates`, [], Object.keys(r.rates as Obj))) {
      const rates = r.rates as Obj;
      if (Object.keys(rates).length > 200) fail(`${path}.rates`, 'must hold at most 200 currencies');
      for (const [code, rate] of Object.entries(rates)) {
        if (code.length > 20) fail(`${path}.rates`, 'currency codes are at most 20 characters');
        num(rate, `${path}.rates.${code}`, 0, 1e9);
      }
    }
    oneOf(r.cohort, `${path}.cohort`, ['created', 'closed']);
  };
  if (isObj(input.settings, '$.settings', ['agingHorizonDays', 'observationDays'], ['snapshotDate', 'roi'])) {
    if ('roi' in input.settings) checkRoi(input.settings.roi, '$.settings.roi');
    num(input.settings.agingHorizonDays, '$.settings.agingHorizonDays', 1, 3650);
    if (input.settings.observationDays !== null)
      num(input.settings.observationDays, '$.settings.observationDays', 1, 3650);
    const snapshot = input.settings.snapshotDate;
    if (snapshot !== undefined && snapshot !== null) {
      if (
        typeof snapshot !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(snapshot) ||
        isNaN(Date.parse(snapshot))
      )
        fail('$.settings.snapshotDate', 'must be null or a date YYYY-MM-DD');
    }
  }

  return errors.length === 0
    ? { ok: true, scenario: structuredClone(input) as unknown as Scenario }
    : { ok: false, errors };
}
