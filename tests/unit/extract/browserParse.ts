import { Window } from 'happy-dom';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type ParsedNode = DefaultTreeAdapterMap['childNode'];
type ParsedElement = DefaultTreeAdapterMap['element'];

/**
 * A saved page as a browser parses it, in a happy-dom document: parse5 follows the WHATWG parsing
 * rules, and declarative shadow roots (`<template shadowrootmode>`) are attached as a browser attaches
 * them. happy-dom's own parser (21.0) drops everything after a `<style>` inside an `<svg>`
 * (capricorn86/happy-dom#2231): on a real Reddit page that was the whole post and its comments.
 */
export function parseLikeABrowser(html: string, url: string): { doc: Document; close: () => void } {
  const window = new Window({ url }); // its scripts are not run (happy-dom's default)
  const doc = window.document as unknown as Document;
  const root = parse(html).childNodes.find((node): node is ParsedElement => node.nodeName === 'html');
  if (root) {
    const built = build(doc, root);
    doc.removeChild(doc.documentElement);
    doc.appendChild(built);
  }
  return { doc, close: () => void window.happyDOM.close() };
}

function build(doc: Document, element: ParsedElement): Element {
  const built = doc.createElementNS(element.namespaceURI, element.tagName);
  for (const { name, value, prefix, namespace } of element.attrs) {
    if (namespace) built.setAttributeNS(namespace, prefix ? `${prefix}:${name}` : name, value);
    else built.setAttribute(name, value);
  }
  if (isTemplate(element)) append(doc, (built as HTMLTemplateElement).content, element.content.childNodes);
  else append(doc, built, element.childNodes);
  return built;
}

function isTemplate(element: ParsedElement): element is DefaultTreeAdapterMap['template'] {
  return element.tagName === 'template' && 'content' in element;
}

function append(doc: Document, parent: Node, children: ParsedNode[]): void {
  for (const child of children) {
    if ('value' in child) parent.appendChild(doc.createTextNode(child.value));
    else if ('data' in child) parent.appendChild(doc.createComment(child.data));
    else if ('tagName' in child) {
      const mode = isTemplate(child) && child.attrs.find((attr) => attr.name === 'shadowrootmode')?.value;
      if (
        isTemplate(child) &&
        (mode === 'open' || mode === 'closed') &&
        parent.nodeType === 1 &&
        !(parent as Element).shadowRoot
      )
        append(doc, (parent as Element).attachShadow({ mode }), child.content.childNodes);
      else parent.appendChild(build(doc, child));
    }
  }
}
