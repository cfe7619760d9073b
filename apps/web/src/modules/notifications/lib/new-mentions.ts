/** A mention as `private.notes.mentions` describes it. */
export type Mention = {
  _id: string;
  conversationId: string;
  contactName: string;
  authorName: string;
  text: string;
};

/** Mentions in `next` that `previous` did not have; the first list is the baseline, so none. */
export function newMentions(previous: Mention[] | null, next: Mention[]): Mention[] {
  if (!previous) return [];
  const seen = new Set(previous.map((mention) => mention._id));
  return next.filter((mention) => !seen.has(mention._id));
}
