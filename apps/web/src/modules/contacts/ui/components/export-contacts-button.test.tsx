import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import { ExportContactsButton } from "./export-contacts-button";

const query = vi.fn();
vi.mock("convex/react", () => ({ useConvex: () => ({ query }) }));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("ExportContactsButton", () => {
  it("downloads the filters' contacts as a UTF-8 CSV named for the segment", async () => {
    query.mockResolvedValue("name,plan\nJoão,Pro");
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:contacts";
    });
    URL.revokeObjectURL = vi.fn();
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <ExportContactsButton filters={{ tags: ["vip"], lastSeen: "7d" }} name="Pró renewals" />
      </NextIntlClientProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(query).toHaveBeenCalledWith(expect.anything(), { tags: ["vip"], lastSeen: "7d" });
    expect(downloads[0]).toMatch(/^contacts-pro-renewals-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe("name,plan\nJoão,Pro");
  });

  it("says why when the export fails", async () => {
    query.mockRejectedValue(new Error("offline"));
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <ExportContactsButton filters={{}} />
      </NextIntlClientProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    expect((await screen.findByRole("alert")).textContent).toBe(en.errors.generic);
  });
});
