import type { Channel } from "@echo/backend/convex/lib/validators";

export const CHANNELS: readonly Channel[] = ["chat", "voice", "whatsapp"];

export type ChannelFilter = Channel | "all";

/** The `channel` URL parameter; anything unknown reads as every channel. */
export function parseChannelFilter(value: string | null): ChannelFilter {
  return CHANNELS.find((channel) => channel === value) ?? "all";
}
