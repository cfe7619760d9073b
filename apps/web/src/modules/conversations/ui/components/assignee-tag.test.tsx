import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import type { Member } from "../../lib/assignees";
import { AssigneeTag } from "./assignee-tag";

afterEach(cleanup);

const members: Member[] = [
  { userId: "u_owner", role: "owner", name: "Olga Owner", email: "o@example.com", imageUrl: null },
  { userId: "u_mia", role: "member", name: "Mia Member", email: "m@example.com", imageUrl: null },
];

function tag(
  props: Partial<React.ComponentProps<typeof AssigneeTag>>,
  locale: "en" | "pt-BR" = "en",
) {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <AssigneeTag assigneeId="u_mia" members={members} currentUserId="u_owner" {...props} />
    </NextIntlClientProvider>,
  );
  return screen.queryByTestId("row-assignee")?.textContent ?? null;
}

describe("AssigneeTag", () => {
  it("names the assignee of an inbox row, saying what the name is to screen readers", () => {
    expect(tag({})).toBe("Assigned to Mia Member");
    cleanup();
    expect(tag({ assigneeId: "u_owner" })).toBe("Assigned to Me");
    cleanup();
    expect(tag({ assigneeId: "u_gone" })).toBe("Assigned to Someone no longer listed");
    cleanup();
    expect(tag({}, "pt-BR")).toBe("Atribuída a Mia Member");
  });

  it("shows nothing for an unassigned row or before the members load", () => {
    expect(tag({ assigneeId: undefined })).toBeNull();
    cleanup();
    expect(tag({ members: undefined })).toBeNull();
    cleanup();
    expect(tag({ currentUserId: undefined })).toBeNull();
  });
});
