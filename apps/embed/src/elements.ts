// Styles are set through CSSOM (`style` forwards to cssText), which a strict style-src CSP allows.

export const FRAME_ID = "echo-widget-frame";

type Props<K extends keyof HTMLElementTagNameMap> = Partial<
  Omit<HTMLElementTagNameMap[K], "style">
> & {
  style?: string;
};

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Props<K>,
): HTMLElementTagNameMap[K] {
  return Object.assign(doc.createElement(tag), props);
}

export function show(node: HTMLElement, visible: boolean): void {
  node.style.display = visible ? "" : "none";
}

/** The launcher's chat-bubble icon; its fill is inherited from the button's style. */
export function createIcon(doc: Document): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const icon = doc.createElementNS(ns, "svg");
  const bubble = doc.createElementNS(ns, "path");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("width", "28");
  bubble.setAttribute("d", "M4 4h16v12H9l-5 4z");
  icon.append(bubble);
  return icon;
}
