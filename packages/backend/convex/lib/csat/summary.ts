import type { Doc } from "../../_generated/dataModel";

export type CsatFigures = { count: number; average: number | null; satisfiedRate: number | null };

/** Count, mean rating and the share of 4s and 5s (the usual CSAT score). */
export function csatFigures(ratings: readonly Pick<Doc<"csatRatings">, "rating">[]): CsatFigures {
  const count = ratings.length;
  if (count === 0) return { count, average: null, satisfiedRate: null };
  const sum = ratings.reduce((total, { rating }) => total + rating, 0);
  const satisfied = ratings.filter(({ rating }) => rating >= 4).length;
  return { count, average: sum / count, satisfiedRate: satisfied / count };
}
