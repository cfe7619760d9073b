import { describe, expect, it } from "vitest";

import en from "../../../../messages/en.json";
import ptBR from "../../../../messages/pt-BR.json";
import { CONVERSATION_STATUSES } from "./conversation-status";

describe("conversation status labels", () => {
  it.each([
    ["en", en],
    ["pt-BR", ptBR],
  ])(
    "name each status with one term in %s: the filter is the badge's word (or its plural)",
    (_, messages) => {
      for (const status of CONVERSATION_STATUSES) {
        const badge = messages.conversations.status[status];
        const filter = messages.conversations.filters[status];
        expect(filter.startsWith(badge), `${filter} / ${badge}`).toBe(true);
      }
    },
  );
});
