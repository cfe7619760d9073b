// Compiled by `pnpm typecheck` only: fails when index.d.ts and the implementation disagree.
import type * as Declared from "./index.d.ts";
import { startMailSink, type CaughtMail, type MailSink } from "./mailSink.ts";

export const implementationMatches: typeof Declared.startMailSink = startMailSink;
export const declarationMatches: (
  ...args: Parameters<typeof Declared.startMailSink>
) => Promise<MailSink> = startMailSink;
export type MailMatches = [Declared.CaughtMail] extends [CaughtMail]
  ? [CaughtMail] extends [Declared.CaughtMail]
    ? true
    : never
  : never;
