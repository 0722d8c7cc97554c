// A small streaming XML scanner for the SpreadsheetML parts of a workbook (no DOM: Node tests have none).

export interface XmlHandler {
  /** An element opens; name without namespace prefix. Return false to stop scanning. */
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): boolean | void;
  close?(name: string): boolean | void;
  text?(value: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] !== '#') return ENTITIES[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) attrs[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/** Calls the handler for each element and text run, in document order. */
export function scanXml(xml: string, handler: XmlHandler): void {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > at && handler.text) handler.text(decodeEntities(xml.slice(at, textEnd)));
    if (lt === -1) return;
    if (xml.startsWith('<!--', lt)) {
      at = xml.indexOf('-->', lt);
      at = at === -1 ? xml.length : at + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      const stop = end === -1 ? xml.length : end;
      handler.text?.(xml.slice(lt + 9, stop));
      at = stop + 3;
    } else if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      at = xml.indexOf('>', lt);
      at = at === -1 ? xml.length : at + 1;
    } else {
      const gt = findTagEnd(xml, lt);
      const tag = xml.slice(lt + 1, gt);
      at = gt + 1;
      if (tag[0] === '/') {
        if (handler.close?.(localName(tag.slice(1).trim())) === false) return;
        continue;
      }
      const selfClosing = tag.endsWith('/');
      const nameEnd = tag.search(/[\s/]|$/);
      const name = localName(tag.slice(0, nameEnd));
      const attrs = nameEnd < tag.length ? attributesOf(tag.slice(nameEnd)) : {};
      if (handler.open?.(name, attrs, selfClosing) === false) return;
      if (selfClosing && handler.close?.(name) === false) return;
    }
  }
}

// '>' may appear inside a quoted attribute value
function findTagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return xml.length;
}
