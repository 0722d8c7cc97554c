/**
 * A document of plain objects for Plot to draw a chart into (its `document` option): what d3-selection and
 * Plot's static marks call — elements, text, attributes, inline style, children — and nothing interactive.
 * No DOM is needed, so the charts are drawn on a worker (src/charts/chart.worker.ts), and the figure patches its
 * live chart from the tree as plain data (src/components/patchDom.ts): a redraw creates DOM nodes only where
 * the chart's shape changed.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export type LightNode = LightElement | LightText;

export class LightText {
  readonly nodeType = 3;
  parentNode: LightElement | null = null;

  constructor(
    public data: string,
    readonly ownerDocument: LightDocument,
  ) {}

  get nodeValue(): string {
    return this.data;
  }

  get textContent(): string {
    return this.data;
  }

  set textContent(value: string) {
    this.data = String(value ?? '');
  }
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** An element's inline style, kept in its `style` attribute (as a browser serialises it: "name: value;"). */
class LightStyle {
  constructor(readonly element: LightElement) {}

  #declarations(): Map<string, string> {
    const out = new Map<string, string>();
    for (const part of (this.element.getAttribute('style') ?? '').split(';')) {
      const colon = part.indexOf(':');
      if (colon > 0) out.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
    }
    return out;
  }

  #write(declarations: Map<string, string>): void {
    if (declarations.size === 0) this.element.removeAttribute('style');
    else
      this.element.setAttribute(
        'style',
        [...declarations].map(([name, value]) => `${name}: ${value};`).join(' '),
      );
  }

  setProperty(name: string, value: string | null, priority = ''): void {
    if (value === null || value === '') {
      this.removeProperty(name);
      return;
    }
    const declarations = this.#declarations();
    declarations.set(name, priority ? `${value} !${priority}` : String(value));
    this.#write(declarations);
  }

  removeProperty(name: string): string {
    const declarations = this.#declarations();
    const old = declarations.get(name) ?? '';
    declarations.delete(name);
    this.#write(declarations);
    return old;
  }

  getPropertyValue(name: string): string {
    return this.#declarations().get(name) ?? '';
  }
}

/** `element.style.maxWidth = "initial"` as well as `setProperty("max-width", "initial")`. */
function styleOf(element: LightElement): LightStyle {
  return new Proxy(new LightStyle(element), {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target)) return target.getPropertyValue(kebab(key));
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    set(target, key, value) {
      if (typeof key !== 'string') return false;
      target.setProperty(kebab(key), value === null || value === undefined ? null : String(value));
      return true;
    },
  });
}

function unsupported(what: string): never {
  throw new Error(`lightDocument: ${what} is not supported (a chart drawn for the page must be static SVG)`);
}

export class LightElement {
  readonly nodeType = 1;
  parentNode: LightElement | null = null;
  readonly childNodes: LightNode[] = [];
  /** In the order they were first set, as a browser keeps them. */
  readonly attributes = new Map<string, string>();
  /** d3 keeps a node's datum here. */
  __data__?: unknown;

  constructor(
    readonly ownerDocument: LightDocument,
    readonly namespaceURI: string,
    readonly localName: string,
  ) {}

  get tagName(): string {
    return this.namespaceURI === XHTML_NS ? this.localName.toUpperCase() : this.localName;
  }

  get nodeName(): string {
    return this.tagName;
  }

  get children(): LightElement[] {
    return this.childNodes.filter((n): n is LightElement => n instanceof LightElement);
  }

  get firstChild(): LightNode | null {
    return this.childNodes[0] ?? null;
  }

  get lastChild(): LightNode | null {
    return this.childNodes.at(-1) ?? null;
  }

  get nextSibling(): LightNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings ? (siblings[siblings.indexOf(this) + 1] ?? null) : null;
  }

  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }

  setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }

  removeAttributeNS(_namespace: string | null, name: string): void {
    this.removeAttribute(name);
  }

  get className(): string {
    return this.getAttribute('class') ?? '';
  }

  set className(value: string) {
    this.setAttribute('class', value);
  }

  get style(): LightStyle & Record<string, string> {
    return styleOf(this) as LightStyle & Record<string, string>;
  }

  /** d3's `.property("style", "a: b; …")`. */
  set style(value: string) {
    if (value) this.setAttribute('style', value);
    else this.removeAttribute('style');
  }

  get textContent(): string {
    return this.childNodes.map((n) => n.textContent).join('');
  }

  set textContent(value: string | null) {
    for (const child of this.childNodes) child.parentNode = null;
    this.childNodes.length = 0;
    const text = String(value ?? '');
    if (text) this.appendChild(this.ownerDocument.createTextNode(text));
  }

  insertBefore<T extends LightNode>(child: T, reference: LightNode | null): T {
    if (!(child instanceof LightElement || child instanceof LightText)) unsupported('a foreign node');
    child.parentNode?.removeChild(child);
    const at = reference ? this.childNodes.indexOf(reference) : -1;
    if (reference && at < 0) throw new Error('lightDocument: the reference node is not a child');
    this.childNodes.splice(at < 0 ? this.childNodes.length : at, 0, child);
    child.parentNode = this;
    return child;
  }

  appendChild<T extends LightNode>(child: T): T {
    return this.insertBefore(child, null);
  }

  append(...nodes: (LightNode | string)[]): void {
    for (const n of nodes) this.appendChild(typeof n === 'string' ? this.ownerDocument.createTextNode(n) : n);
  }

  removeChild<T extends LightNode>(child: T): T {
    const at = this.childNodes.indexOf(child);
    if (at < 0) throw new Error('lightDocument: not a child');
    this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }

  remove(): void {
    this.parentNode?.removeChild(this);
  }

  /** Only "*" (d3's `insert(name, "*")`, which Plot's legends use to put their style first). */
  querySelector(selector: string): LightElement | null {
    if (selector !== '*') unsupported(`querySelector("${selector}")`);
    return this.children[0] ?? null;
  }

  querySelectorAll(selector: string): never {
    return unsupported(`querySelectorAll("${selector}")`);
  }

  addEventListener(type: string): never {
    return unsupported(`an event listener ("${type}")`);
  }

  cloneNode(): never {
    return unsupported('cloneNode');
  }

  getBBox(): never {
    return unsupported('getBBox');
  }
}

export class LightDocument {
  readonly documentElement: LightElement = new LightElement(this, XHTML_NS, 'html');

  createElementNS(namespace: string | null, qualifiedName: string): LightElement {
    return new LightElement(this, namespace ?? XHTML_NS, qualifiedName);
  }

  createElement(name: string): LightElement {
    return new LightElement(this, XHTML_NS, name.toLowerCase());
  }

  createTextNode(data: string): LightText {
    return new LightText(String(data), this);
  }

  /** What a chart function's `document` option is typed as (Plot reads only what this class has). */
  asDocument(): Document {
    return this as unknown as Document;
  }
}

/**
 * A drawn tree as plain data, which a worker can post (a light element also holds d3's data, its parent and
 * the document): a string is a text node.
 */
export type PlainNode = string | PlainElement;

export interface PlainElement {
  ns: string;
  tag: string;
  attrs: [string, string][];
  children: PlainNode[];
}

/** A chart drawn into a LightDocument (typed as the DOM element Plot's types promise), as plain data. */
export function plainTree(chart: unknown): PlainNode {
  if (chart instanceof LightText) return chart.data;
  if (!(chart instanceof LightElement)) throw new Error('lightDocument: not drawn into a LightDocument');
  return {
    ns: chart.namespaceURI,
    tag: chart.localName,
    attrs: [...chart.attributes],
    children: chart.childNodes.map(plainTree),
  };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The tree as markup, for tests and debugging. */
export function lightMarkup(node: LightNode): string {
  if (node instanceof LightText) return escapeText(node.data);
  const attributes = [...node.attributes].map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  return `<${node.localName}${attributes}>${node.childNodes.map(lightMarkup).join('')}</${node.localName}>`;
}
