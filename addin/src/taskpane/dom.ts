/**
 * A few DOM helpers for the task pane (plain DOM, no framework).
 */

/** Attributes and properties accepted by {@link h}. */
export type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/**
 * Creates an element: `h('button', { id: 'check', type: 'button', onclick: run }, 'Kiểm tra')`.
 * `on…` props become event listeners; `false`/`undefined` attributes are left out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'className') el.className = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return el;
}

/** The element with this id, typed; throws when the pane's markup lacks it (a bug). */
export function byId<T extends HTMLElement>(root: ParentNode, id: string): T {
  const el = root.querySelector<T>(`#${id}`);
  if (!el) throw new Error(`#${id} missing from the task pane`);
  return el;
}
