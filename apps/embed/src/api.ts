/** The only global the loader defines: `window.EchoWidget`. */
export interface EchoWidgetApi {
  open(): void;
  close(): void;
  toggle(): void;
  destroy(): void;
}

declare global {
  interface Window {
    EchoWidget?: EchoWidgetApi;
  }
}
