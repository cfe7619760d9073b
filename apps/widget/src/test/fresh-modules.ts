import { vi } from "vitest";

// A project's files share a worker (and its jsdom window), so third-party modules load once per
// worker; our own modules are evaluated afresh for each file, with that file's `vi.mock`s.
vi.resetModules();
