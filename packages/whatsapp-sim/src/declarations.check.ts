// Compiled by `pnpm typecheck` only: fails when index.d.ts and the implementation disagree.
import type * as Declared from "./index.d.ts";
import { startFakeCloudApi, type FakeCloudApi } from "./cloud/fakeCloudApi.ts";
import { startWhatsAppSim, type SimMessage, type WhatsAppSim } from "./simulator.ts";

export const implementationMatches: typeof Declared.startWhatsAppSim = startWhatsAppSim;
export const declarationMatches: (
  ...args: Parameters<typeof Declared.startWhatsAppSim>
) => Promise<WhatsAppSim> = startWhatsAppSim;
export type SimMatches = [Declared.SimMessage] extends [SimMessage]
  ? [SimMessage] extends [Declared.SimMessage]
    ? [Declared.WhatsAppSim] extends [WhatsAppSim]
      ? true
      : never
    : never
  : never;

export const cloudImplementationMatches: typeof Declared.startFakeCloudApi = startFakeCloudApi;
export const cloudDeclarationMatches: (
  ...args: Parameters<typeof Declared.startFakeCloudApi>
) => Promise<FakeCloudApi> = startFakeCloudApi;
export type CloudMatches = [Declared.FakeCloudApi] extends [FakeCloudApi]
  ? [FakeCloudApi] extends [Declared.FakeCloudApi]
    ? true
    : never
  : never;
