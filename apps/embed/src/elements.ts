// Styles are set through CSSOM (`style` forwards to cssText), which a strict style-src CSP allows.

export const FRAME_ID = "echo-widget-frame";

type Props<K extends keyof HTMLElementTagNameMap> = Partial<
  Omit<HTMLElementTagNameMap[K], "style">
> & {
  style: string;
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

/** Fixed corner container stacking the iframe above the launcher. */
export function createRoot(doc: Document, left: boolean): HTMLDivElement {
  const side = left ? "left" : "right";
  return element(doc, "div", {
    style: `position:fixed;bottom:20px;${side}:20px;z-index:2147483647;display:grid;gap:16px;justify-items:${side}`,
  });
}

export function createLauncher(doc: Document, label: string): [HTMLButtonElement, HTMLSpanElement] {
  const button = element(doc, "button", {
    type: "button",
    ariaLabel: label,
    ariaExpanded: "false",
    style:
      "position:relative;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:#222;cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 16px #0004",
  });
  button.setAttribute("aria-controls", FRAME_ID);
  const ns = "http://www.w3.org/2000/svg";
  const icon = doc.createElementNS(ns, "svg");
  const bubble = doc.createElementNS(ns, "path");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("width", "28");
  icon.setAttribute("fill", "#fff");
  bubble.setAttribute("d", "M4 4h16v12H9l-5 4z");
  icon.append(bubble);
  // The count is announced through the button's label, so the badge itself is hidden from assistive tech.
  const badge = element(doc, "span", {
    ariaHidden: "true",
    style:
      "position:absolute;top:-4px;right:-4px;padding:0 6px;border-radius:10px;background:#d00;color:#fff;font:12px/20px arial;display:none",
  });
  button.append(icon, badge);
  return [button, badge];
}

export function createFrame(doc: Document, src: string, title: string): HTMLIFrameElement {
  const frame = element(doc, "iframe", {
    id: FRAME_ID,
    title,
    src,
    style:
      "width:min(400px,100vw - 40px);height:600px;max-height:calc(100vh - 116px);border:0;border-radius:12px;box-shadow:0 4px 16px #0004",
  });
  // Voice calls in the widget need the microphone, which a cross-origin iframe only gets when delegated.
  frame.setAttribute("allow", "microphone");
  return frame;
}
