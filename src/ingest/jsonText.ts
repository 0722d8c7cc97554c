// A JSON parser that keeps each number's source text: CRM ids above 2^53 must keep every digit, which
// JSON.parse cannot do (its reviver sees the number only after rounding).

export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonValue = string | JsonNumber | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  constructor(
    readonly line: number,
    readonly column: number,
    what: string,
  ) {
    super(`${what} at line ${line}, column ${column}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class Parser {
  at = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    const before = this.text.slice(0, this.at);
    const line = before.split('\n').length;
    throw new JsonSyntaxError(line, this.at - before.lastIndexOf('\n'), what);
  }

  space() {
    while (this.at < this.text.length && ' \t\r\n\uFEFF'.includes(this.text[this.at])) this.at++;
  }

  expect(ch: string) {
    if (this.text[this.at] !== ch) this.fail(`expected "${ch}"`);
    this.at++;
  }

  value(): JsonValue {
    this.space();
    const ch = this.text[this.at];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.at;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail(ch === undefined ? 'unexpected end of text' : `unexpected "${ch}"`);
    this.at += m[0].length;
    return new JsonNumber(m[0]);
  }

  object(): { [key: string]: JsonValue } {
    this.at++;
    const out: { [key: string]: JsonValue } = {};
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail('expected a property name');
      const key = this.string();
      this.space();
      this.expect(':');
      // defineProperty: a "__proto__" key is data, not the prototype
      Object.defineProperty(out, key, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.space();
      if (this.text[this.at] === '}') {
        this.at++;
        return out;
      }
      this.expect(',');
    }
  }

  array(): JsonValue[] {
    this.at++;
    const out: JsonValue[] = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.space();
      if (this.text[this.at] === ']') {
        this.at++;
        return out;
      }
      this.expect(',');
    }
  }

  string(): string {
    this.at++;
    let out = '';
    for (;;) {
      const end = this.text.indexOf('"', this.at);
      const slash = this.text.indexOf('\\', this.at);
      if (end === -1) this.fail('unclosed string');
      if (slash === -1 || slash > end) {
        out += this.text.slice(this.at, end);
        this.at = end + 1;
        return out;
      }
      out += this.text.slice(this.at, slash);
      const esc = this.text[slash + 1];
      if (esc === 'u') {
        const hex = this.text.slice(slash + 2, slash + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.at = slash + 6;
      } else if (esc in ESCAPES) {
        out += ESCAPES[esc];
        this.at = slash + 2;
      } else {
        this.at = slash;
        this.fail('bad escape');
      }
    }
  }
}

/** Parses the JSON values of a text one after another (one for a JSON document, many for NDJSON). */
export function parseJsonValues(text: string): { value: JsonValue; line: number }[] {
  const parser = new Parser(text);
  const values: { value: JsonValue; line: number }[] = [];
  let line = 1;
  let counted = 0;
  for (;;) {
    parser.space();
    if (parser.at >= text.length) return values;
    for (; counted < parser.at; counted++) if (text.charCodeAt(counted) === 10) line++;
    values.push({ value: parser.value(), line });
  }
}
