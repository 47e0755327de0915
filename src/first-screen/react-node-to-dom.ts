/*
 * Builds DOM from React elements without React, for the few templates painted before React has loaded (the first
 * view's rows, see src/first-screen/paint.ts). It covers what such templates may use: host elements with attributes,
 * SVG, fragments, arrays, text, and function components without hooks. Anything else (an event handler, a style
 * object, a context or a hook) throws instead of painting something React would not. The end-to-end suite checks
 * that its rows are exactly the ones React renders afterwards.
 */
import type { ReactElement, ReactNode } from 'react';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** React prop names whose attribute is spelled differently. */
const ATTRIBUTE_NAMES: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  dateTime: 'datetime',
  tabIndex: 'tabindex',
  colSpan: 'colspan',
  strokeWidth: 'stroke-width',
  strokeLinecap: 'stroke-linecap',
  strokeLinejoin: 'stroke-linejoin',
};

export function appendReactNode(parent: ParentNode, node: ReactNode, inSvg = false): void {
  if (node === null || node === undefined || typeof node === 'boolean') return;
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') {
    parent.append(String(node));
    return;
  }
  if (Array.isArray(node) || (typeof node === 'object' && Symbol.iterator in node)) {
    for (const child of node as Iterable<ReactNode>) appendReactNode(parent, child, inSvg);
    return;
  }
  if (typeof node !== 'object' || !('type' in node)) throw new Error('react-node-to-dom: unsupported node');
  const { type, props } = node as ReactElement<Record<string, unknown>>;
  if (typeof type === 'function') {
    appendReactNode(parent, (type as (props: unknown) => ReactNode)(props), inSvg);
    return;
  }
  if ((type as unknown) === Symbol.for('react.fragment')) {
    appendReactNode(parent, props.children as ReactNode, inSvg);
    return;
  }
  if (typeof type !== 'string') throw new Error('react-node-to-dom: unsupported element type');
  const svg = inSvg || type === 'svg';
  const element = svg ? document.createElementNS(SVG_NAMESPACE, type) : document.createElement(type);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'key' || value === undefined || value === null || value === false) continue;
    if (typeof value === 'function' || typeof value === 'object' || typeof value === 'symbol') {
      throw new Error(`react-node-to-dom: the prop ${name} needs React`);
    }
    // React writes true as "true" for aria-* and data-* attributes, and as an empty value for boolean attributes.
    const text = value === true ? (name.startsWith('aria-') || name.startsWith('data-') ? 'true' : '') : String(value);
    element.setAttribute(ATTRIBUTE_NAMES[name] ?? name, text);
  }
  appendReactNode(element, props.children as ReactNode, svg);
  parent.append(element);
}
