import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { renderToString } from "react-dom/server";
import { afterEach, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import { ThemeToggle } from "./theme-toggle";

afterEach(() => {
  cleanup();
  document.documentElement.classList.remove("dark");
});

const toggle = (
  <NextIntlClientProvider locale="en" messages={en}>
    <ThemeToggle initial="light" />
  </NextIntlClientProvider>
);

it("is disabled in the server's HTML, so a click before hydration is not lost", () => {
  expect(renderToString(toggle)).toMatch(/<button[^>]*disabled=""/);
});

it("switches to the dark theme once the page runs, and remembers it in a cookie", () => {
  render(toggle);
  const button = screen.getByRole("button", { name: "Dark theme" });
  expect(button).not.toHaveProperty("disabled", true);
  fireEvent.click(button);
  expect(button.getAttribute("aria-pressed")).toBe("true");
  expect(document.documentElement.classList.contains("dark")).toBe(true);
  expect(document.cookie).toContain("echo-theme=dark");
});
