export type Ports = {
  backend: number;
  site: number;
  web: number;
  widget: number;
  demo: number;
  /** The local mail sink's page and SMTP port; free ports when left out. */
  mail?: number;
  smtp?: number;
  /** The local WhatsApp simulator (Evolution API and its phone page); a free port when left out. */
  whatsapp?: number;
};
export type StackUrls = {
  dashboard: string;
  widget: string;
  demo: string;
  backend: string;
  site: string;
  /** The page listing the mail the local SMTP sink caught. */
  mail: string;
  /** The local SMTP sink (what the backend's SMTP_URL is unless one was given). */
  smtp: string;
  /** The local WhatsApp simulator: its phone page, and the Evolution API the demo is connected to. */
  whatsapp: string;
};
export type DemoSeed = {
  login: { email: string; password: string; name: string };
  organizationId: string;
};
export type Stack = {
  urls: StackUrls;
  hasBackend: boolean;
  adminKey: string | null;
  demo: DemoSeed;
  stop: () => Promise<void>;
  /** Stops the backend and starts it again on the same data folder and ports. */
  restartBackend: () => Promise<void>;
};

export function defaultPorts(): Ports;
/** 127.0.0.1 unless ECHO_HOST names another address. */
export function listenHost(): string;
export function backendCodeHash(root: string): string;
export function buildAll(root: string, env: NodeJS.ProcessEnv): void;
export function startStack(
  root: string,
  options: {
    ports: Ports;
    dataDir: string;
    logDir?: string;
    onExit?: (label: string, how: string) => void;
    seed?: boolean;
    /** Aborting it while the stack starts stops what has started and rejects. */
    signal?: AbortSignal;
    /** Added to the backend's deployment environment. */
    backendEnv?: Record<string, string>;
  },
): Promise<Stack>;
export function start(root: string): Promise<void>;
