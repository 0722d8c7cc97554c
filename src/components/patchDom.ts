/**
 * Makes a live element's children match a drawn tree (plain data, src/charts/lightDocument.ts): nodes of the
 * same kind in the same place are kept and get the new attributes and text; only the others are created or
 * removed. A chart redrawn with the same axes and marks so changes attributes and text, and creates no node.
 */
import type { PlainElement, PlainNode } from '../charts/lightDocument';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function sameKind(live: ChildNode, wanted: PlainNode): boolean {
  if (typeof wanted === 'string') return live.nodeType === TEXT_NODE;
  return (
    live.nodeType === ELEMENT_NODE &&
    (live as Element).namespaceURI === wanted.ns &&
    (live as Element).localName === wanted.tag
  );
}

function build(doc: Document, wanted: PlainNode): Node {
  if (typeof wanted === 'string') return doc.createTextNode(wanted);
  const el = doc.createElementNS(wanted.ns, wanted.tag);
  for (const [name, value] of wanted.attrs) el.setAttribute(name, value);
  for (const child of wanted.children) el.appendChild(build(doc, child));
  return el;
}

function patchAttributes(live: Element, wanted: PlainElement): void {
  for (const [name, value] of wanted.attrs)
    if (live.getAttribute(name) !== value) live.setAttribute(name, value);
  if (live.attributes.length === wanted.attrs.length) return;
  const keep = new Set(wanted.attrs.map(([name]) => name));
  for (const name of live.getAttributeNames()) if (!keep.has(name)) live.removeAttribute(name);
}

/** Patches `live`'s children to `wanted`, in order. */
export function patchChildren(live: Element, wanted: readonly PlainNode[]): void {
  const doc = live.ownerDocument;
  let node = live.firstChild;
  for (const w of wanted) {
    if (node && sameKind(node, w)) {
      if (typeof w === 'string') {
        if ((node as Text).data !== w) (node as Text).data = w;
      } else {
        patchAttributes(node as Element, w);
        patchChildren(node as Element, w.children);
      }
      node = node.nextSibling;
    } else live.insertBefore(build(doc, w), node);
  }
  while (node) {
    const next = node.nextSibling;
    node.remove();
    node = next;
  }
}
