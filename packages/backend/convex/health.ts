import { query } from "./_generated/server";

/** Answers the dashboard's and the start script's "is the backend deployed" probe. */
export const ping = query({
  args: {},
  handler: async () => "ok" as const,
});
