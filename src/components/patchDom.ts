/**
 * Makes a live element's children match a light tree (src/charts/lightDocument.ts): nodes of the same kind in
 * the same place are kept and get the new attributes and text; only the others are created or removed. A
 * chart redrawn with the same axes and marks so changes attributes and text, and creates no node.
 */
import { LightElement, type LightNode } from '../charts/lightDocument';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function sameKind(live: ChildNode, wanted: LightNode): boolean {
  if (!(wanted instanceof LightElement)) return live.nodeType === TEXT_NODE;
  return (
    live.nodeType === ELEMENT_NODE &&
    (live as Element).namespaceURI === wanted.namespaceURI &&
    (live as Element).localName === wanted.localName
  );
}

function build(doc: Document, wanted: LightNode): Node {
  if (!(wanted instanceof LightElement)) return doc.createTextNode(wanted.data);
  const el = doc.createElementNS(wanted.namespaceURI, wanted.localName);
  for (const [name, value] of wanted.attributes) el.setAttribute(name, value);
  for (const child of wanted.childNodes) el.appendChild(build(doc, child));
  return el;
}

function patchAttributes(live: Element, wanted: LightElement): void {
  for (const [name, value] of wanted.attributes)
    if (live.getAttribute(name) !== value) live.setAttribute(name, value);
  if (live.attributes.length === wanted.attributes.size) return;
  for (const name of live.getAttributeNames()) if (!wanted.attributes.has(name)) live.removeAttribute(name);
}

/** Patches `live`'s children to `wanted`, in order. */
export function patchChildren(live: Element, wanted: readonly LightNode[]): void {
  const doc = live.ownerDocument;
  let node = live.firstChild;
  for (const w of wanted) {
    if (node && sameKind(node, w)) {
      if (w instanceof LightElement) {
        patchAttributes(node as Element, w);
        patchChildren(node as Element, w.childNodes);
      } else if ((node as Text).data !== w.data) (node as Text).data = w.data;
      node = node.nextSibling;
    } else live.insertBefore(build(doc, w), node);
  }
  while (node) {
    const next = node.nextSibling;
    node.remove();
    node = next;
  }
}
