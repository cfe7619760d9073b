import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { AVATAR_COLORS, avatarColor, initialsOf } from "../lib/avatar-color";
import { Avatar } from "./avatar";

/** WCAG relative luminance of a #rrggbb color. */
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe("generated avatars", () => {
  it("take the first and last word's initials, in capitals", () => {
    expect(initialsOf("Ana Maria Souza")).toBe("AS");
    expect(initialsOf("  rita ")).toBe("R");
    expect(initialsOf("élodie durand")).toBe("ÉD");
    expect(initialsOf("paula@prospect.example")).toBe("PE");
    expect(initialsOf("")).toBe("?");
  });

  it("give one key the same color every time, and spread keys over the palette", () => {
    expect(avatarColor("member_42")).toBe(avatarColor("member_42"));
    const used = new Set(Array.from({ length: 200 }, (_, index) => avatarColor(`id_${index}`)));
    expect(used.size).toBe(AVATAR_COLORS.length);
  });

  it("keep white initials readable (4.5:1) on every color", () => {
    for (const color of AVATAR_COLORS) {
      expect(1.05 / (luminance(color) + 0.05), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("render initials on the key's color, hidden from screen readers (the name is beside it)", () => {
    const { container } = render(<Avatar name="Rita Returning" colorKey="contact_1" />);
    const avatar = container.querySelector("[data-slot=avatar]") as HTMLElement;
    expect(avatar.textContent).toBe("RR");
    expect(avatar.getAttribute("aria-hidden")).toBe("true");
    const expected = render(<span style={{ backgroundColor: avatarColor("contact_1") }} />)
      .container.firstElementChild as HTMLElement;
    expect(avatar.style.backgroundColor).toBe(expected.style.backgroundColor);
  });

  it("show the person's picture instead when they have one", () => {
    const { container } = render(<Avatar name="Dora" imageUrl="data:image/png;base64,AA==" />);
    const image = container.querySelector("img")!;
    expect(image.getAttribute("src")).toBe("data:image/png;base64,AA==");
    expect(image.getAttribute("alt")).toBe("");
    expect(container.textContent).toBe("");
  });
});
