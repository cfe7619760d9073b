import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { SkeletonList } from "./skeleton";

describe("SkeletonList", () => {
  it("is one busy status region named by its text, its placeholder rows hidden", () => {
    const { container } = render(<SkeletonList label="Loading conversations…" rows={3} />);
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-busy")).toBe("true");
    expect(status.hasAttribute("aria-label")).toBe(false);
    expect(status.textContent).toBe("Loading conversations…");
    const blocks = container.querySelectorAll("[data-slot=skeleton]");
    expect(blocks).toHaveLength(9);
    for (const block of blocks) expect(block.getAttribute("aria-hidden")).toBe("true");
  });

  it("leaves the avatar out for lists without one", () => {
    const { container } = render(<SkeletonList label="Loading files…" rows={2} avatar={false} />);
    expect(container.querySelectorAll("[data-slot=skeleton]")).toHaveLength(4);
  });
});
