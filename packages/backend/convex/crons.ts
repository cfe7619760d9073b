import { cronJobs } from "convex/server";

import { internal } from "./_generated/api";

const crons = cronJobs();

crons.interval(
  "purge expired contact sessions",
  { hours: 1 },
  internal.system.contactSessions.purgeExpired,
  {},
);

crons.interval(
  "re-index knowledge files from an older ingestion",
  { hours: 6 },
  internal.system.knowledge.reingest.reingestOutdated,
  {},
);

crons.interval(
  "purge spent proof-of-work challenges",
  { hours: 1 },
  internal.system.abuse.sessions.purgeRedemptions,
  {},
);

export default crons;
