import { cronJobs } from "convex/server";

import { internal } from "./_generated/api";

const crons = cronJobs();

crons.interval(
  "purge expired contact sessions",
  { hours: 1 },
  internal.system.contactSessions.purgeExpired,
  {},
);

export default crons;
