/**
 * The real clock in milliseconds, captured when this module loads, before the runtime freezes
 * `Date` inside queries and mutations: for the engine's own timestamps, ids and timers.
 */
export const wallClock: () => number = Date.now.bind(Date);
