import {
  BRANCH_WORDS,
  CJK_BRANCH_MARKERS,
  CJK_LEADING_FORMS,
  CJK_LEGAL_FORMS,
  GENERIC_CORES,
  JOINING_WORDS,
  LEGAL_FORM_PLACES,
  LEGAL_FORMS,
  PLACES,
} from './companyVocab';

/** The keys one company name is compared by, each a step further from how it was written. */
export interface CompanyKey {
  /** Full-width → half-width (NFKC), lower case, accents, punctuation and spacing folded. */
  folded: string;
  /** folded without trailing legal forms (GmbH, S.A., Ltd, 有限公司 …). */
  base: string;
  /** base without a branch marker (分公司, Branch) or a place (Germany, 德国, 深圳市) and the forms before it. */
  core: string;
  /** The place removed from base (its id: the first English spelling, so 德国 and Germany agree), or null. */
  place: string | null;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_SPACING = /\s*([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\s*/gu;
const ACCENTS = /[\u0300-\u036f]/g;
const SINGLE_LETTER = /^\p{L}$/u;

/** Joins runs of single letters ("s a" → "sa", "j p morgan" → "jp morgan") so S.A. and S. A. agree. */
function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (SINGLE_LETTER.test(t) && !CJK.test(t)) {
      run += t;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(t);
  }
  if (run) out.push(run);
  return out;
}

/** Case, width, accent, punctuation and spacing folding: `ＡＣＭＥ  Gmbh.` and `Acme GmbH` fold alike. */
export function foldCompany(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  if (/[^\x20-\x7e]/.test(s)) s = s.normalize('NFD').replace(ACCENTS, '').normalize('NFC');
  s = s
    .replace(/['’.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(CJK_SPACING, '$1')
    .trim();
  const tokens = joinInitials(s.split(' ').filter((t) => t !== ''));
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  return tokens.join(' ');
}

const phraseSet = (phrases: readonly (readonly string[])[]) => new Set(phrases.map((p) => p.join(' ')));
const LEGAL_SET = phraseSet(LEGAL_FORMS);
const LEGAL_MAX = Math.max(...LEGAL_FORMS.map((p) => p.length));
const BRANCH_SET = new Set(BRANCH_WORDS);
/** Every spelling of a place (English phrase or Chinese name) → the place's id. */
const PLACE_ID = new Map<string, string>(
  PLACES.flatMap((p) => [...p.en, ...p.zh].map((spelling): [string, string] => [spelling, p.en[0]])),
);
const PLACE_TOKENS_MAX = Math.max(...PLACES.flatMap((p) => p.en.map((e) => e.split(' ').length)));
const CJK_PLACE_MAX = Math.max(...PLACES.flatMap((p) => p.zh.map((z) => z.length))) + 1;

/** Tokens at the end of s that form one phrase of the set (the longest), or 0. */
function trailingPhrase(tokens: readonly string[], has: (phrase: string) => boolean, max: number): number {
  for (let n = Math.min(max, tokens.length - 1); n >= 1; n--) {
    if (has(tokens.slice(-n).join(' '))) return n;
  }
  return 0;
}

const cjkPlaceId = (s: string) =>
  PLACE_ID.get(s) ?? (/[市省]$/.test(s) ? PLACE_ID.get(s.slice(0, -1)) : undefined) ?? null;

/** The Chinese place s ends with (starts with, when leading): its length and id. */
function cjkPlace(s: string, leading: boolean): { length: number; id: string } | null {
  for (let n = Math.min(CJK_PLACE_MAX, s.length - 1); n >= 2; n--) {
    const id = cjkPlaceId(leading ? s.slice(0, n) : s.slice(-n));
    if (id !== null) return { length: n, id };
  }
  return null;
}

/** A remainder that can still stand for a company: not empty, not generic, not ending in "of". */
function canStand(rest: string, minLength: number): boolean {
  const trimmed = rest.trim();
  if ([...trimmed].length < minLength || GENERIC_CORES.has(trimmed)) return false;
  const tokens = trimmed.split(' ');
  return !JOINING_WORDS.has(tokens[tokens.length - 1]);
}

/** s without one legal form at its end (or a leading 株式会社), or null. */
function withoutLegalForm(s: string): string | null {
  // 分公司 ends in 公司 but marks a branch: withoutPlace takes it
  if (CJK_BRANCH_MARKERS.some((m) => s.endsWith(m))) return null;
  for (const form of CJK_LEGAL_FORMS) {
    if (s.endsWith(form) && s.length > form.length) return s.slice(0, -form.length).trim();
  }
  for (const form of CJK_LEADING_FORMS) {
    if (s.startsWith(form) && s.length > form.length) return s.slice(form.length).trim();
  }
  const tokens = s.split(' ');
  const n = trailingPhrase(tokens, (p) => LEGAL_SET.has(p), LEGAL_MAX);
  return n > 0 ? tokens.slice(0, -n).join(' ') : null;
}

interface Stripped {
  rest: string;
  /** The place removed, or null for a branch marker or legal form. */
  place: string | null;
}

const isCjkAt = (s: string, i: number) => CJK.test(s.charAt(i));

/** s without one branch marker or one place (trailing; leading too for a Chinese name), or null. */
function withoutPlace(s: string): Stripped | null {
  const take = (rest: string, place: string | null, minLength = 2) =>
    canStand(rest, minLength) ? { rest: rest.trim(), place } : null;
  const tokens = s.split(' ');
  const last = tokens[tokens.length - 1];
  if (isCjkAt(s, s.length - 1)) {
    for (const marker of CJK_BRANCH_MARKERS) {
      const found = s.endsWith(marker) ? take(s.slice(0, -marker.length), null) : null;
      if (found) return found;
    }
    const trailing = cjkPlace(s, false);
    const found = trailing ? take(s.slice(0, -trailing.length), trailing.id) : null;
    if (found) return found;
  } else {
    const branch =
      tokens.length > 1 && BRANCH_SET.has(last) ? take(tokens.slice(0, -1).join(' '), null) : null;
    if (branch) return branch;
    const n = trailingPhrase(tokens, (p) => PLACE_ID.has(p), PLACE_TOKENS_MAX);
    const found =
      n > 0 ? take(tokens.slice(0, -n).join(' '), PLACE_ID.get(tokens.slice(-n).join(' '))!) : null;
    if (found) return found;
  }
  // 深圳市华信科技 → 华信科技; at least three characters must stay (上海银行 and 北京银行 stay apart)
  const leading = isCjkAt(s, 0) ? cjkPlace(s, true) : null;
  return leading ? take(s.slice(leading.length), leading.id, 3) : null;
}

/** Strips legal forms, then branch markers and places with the forms before them; the first place wins. */
function stripPlaces(base: string): { core: string; place: string | null } {
  let core = base;
  let place: string | null = null;
  for (let guard = 0; guard < 12; guard++) {
    const legal = withoutLegalForm(core);
    const next: Stripped | null = legal ? { rest: legal, place: null } : withoutPlace(core);
    if (!next || next.rest === '' || next.rest === core) break;
    place ??= next.place;
    core = next.rest;
  }
  return { core, place };
}

/** The folded, legal-form-free and place-free keys of one company name. */
export function companyKey(name: string): CompanyKey {
  const folded = foldCompany(name);
  let base = folded;
  for (let next = withoutLegalForm(base); next; next = withoutLegalForm(base)) base = next;
  return { folded, base, ...stripPlaces(base) };
}

/** Whether a key is written in Chinese or Japanese characters (the one-letter rule does not apply). */
export const hasCjk = (key: string): boolean => CJK.test(key);

/**
 * The places a name's legal forms allow (GmbH → Germany, Austria, Switzerland; Pty Ltd → Australia,
 * South Africa), or null when it has none listed.
 */
export function legalFormPlaces(key: CompanyKey): ReadonlySet<string> | null {
  let places: Set<string> | null = null;
  for (const token of key.folded.slice(key.base.length).split(' ')) {
    if (!Object.hasOwn(LEGAL_FORM_PLACES, token)) continue;
    const allowed = LEGAL_FORM_PLACES[token];
    places = places ? new Set(allowed.filter((p) => places!.has(p))) : new Set(allowed);
  }
  return places;
}
