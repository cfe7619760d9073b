import { nice, ticks } from "d3-array";

/** The count axis: round tick values from 0 up to a top at or above `max` (at least 1). */
export function countAxis(max: number, tickCount = 4): { top: number; ticks: number[] } {
  const [, top] = nice(0, Math.max(1, max), tickCount);
  // Counts are whole: no 0.5 tick when the busiest day had one conversation.
  return { top, ticks: ticks(0, top, tickCount).filter(Number.isInteger) };
}

/** Indexes of the days that get a date under the chart: the first, the last and evenly between. */
export function labelledDayIndexes(length: number, maxLabels = 6): number[] {
  if (length <= maxLabels) return Array.from({ length }, (_, index) => index);
  const step = (length - 1) / (maxLabels - 1);
  return Array.from({ length: maxLabels }, (_, index) => Math.round(index * step));
}
