// Styles are set through CSSOM (`style` forwards to cssText), which a strict style-src CSP allows.
// Their properties are ordered for the gzip budget (bench/size.mjs): none repeats, so order is free.

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

/** The iframe's style: hidden until opened, capped to the viewport. */
export const FRAME_STYLE =
  "height:600px;max-height:calc(100vh - 116px);border:0;border-radius:12px;width:min(400px,100vw - 40px);box-shadow:0 4px 16px #0004;display:none";

export function show(node: HTMLElement, visible: boolean): void {
  node.style.display = visible ? "" : "none";
}

/** The fixed corner container's style (it stacks the iframe above the launcher); bottom-right unless bottom-left. */
export function rootStyle(position: string | undefined): string {
  const side = position === "bottom-left" ? "left" : "right";
  return `position:fixed;bottom:20px;${side}:20px;z-index:2147483647;display:grid;gap:16px;justify-items:${side}`;
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

export const LAUNCHER_STYLE =
  "width:56px;position:relative;height:56px;padding:0;border:0;border-radius:50%;background:#222;fill:#fff;cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 16px #0004";

export const BADGE_STYLE =
  "position:absolute;top:-4px;padding:0 6px;right:-4px;border-radius:10px;background:#d00;color:#fff;font:12px/20px arial;display:none";
