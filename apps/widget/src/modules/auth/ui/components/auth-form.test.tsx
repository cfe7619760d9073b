import { act, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { englishIntl, renderWithIntl } from "@/test/render-with-intl";

import { validateContactForm } from "../../lib/contact-form";
import { AuthForm } from "./auth-form";

describe("validateContactForm", () => {
  it("trims, and requires a name and a valid email within the backend's limits", () => {
    expect(validateContactForm({ name: "  Ana ", email: " ana@shop.example " })).toEqual({
      ok: true,
      value: { name: "Ana", email: "ana@shop.example" },
    });
    expect(validateContactForm({ name: " ", email: "" })).toEqual({
      ok: false,
      errors: { name: "nameRequired", email: "emailRequired" },
    });
    expect(validateContactForm({ name: "x".repeat(121), email: "ana@shop" })).toEqual({
      ok: false,
      errors: { name: "nameTooLong", email: "emailInvalid" },
    });
    expect(validateContactForm({ name: "Ana", email: "a b@shop.example" }).ok).toBe(false);
  });
});

describe("AuthForm", () => {
  it("focuses the name field and labels both fields", () => {
    renderWithIntl(<AuthForm expired={false} onSubmit={vi.fn()} />);
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Name" }));
    expect(screen.getByRole("textbox", { name: "Email" })).toBeTruthy();
  });

  it("leaves alone a server-rendered form the visitor is already typing in when it hydrates", async () => {
    const form = (
      <NextIntlClientProvider {...englishIntl}>
        <AuthForm expired={false} onSubmit={vi.fn()} />
      </NextIntlClientProvider>
    );
    const container = document.createElement("div");
    container.innerHTML = renderToString(form);
    document.body.append(container);
    const email = container.querySelector<HTMLInputElement>('input[name="email"]')!;
    email.focus();
    email.value = "ana@sh";
    const root = await act(async () => hydrateRoot(container, form));
    expect(document.activeElement).toBe(container.querySelector('input[name="email"]'));
    expect(container.querySelector<HTMLInputElement>('input[name="email"]')!.value).toBe("ana@sh");
    act(() => root.unmount());
    container.remove();
  });

  it("explains each invalid field and does not submit", async () => {
    const onSubmit = vi.fn();
    renderWithIntl(<AuthForm expired={false} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByRole("textbox", { name: "Email" }), "not-an-email");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByText("Please enter your name.")).toBeTruthy();
    expect(screen.getByText("Please enter a valid email address.")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Email" }).getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("submits the trimmed values and shows a translated server error", async () => {
    const onSubmit = vi.fn().mockResolvedValue("RATE_LIMITED");
    renderWithIntl(<AuthForm expired={false} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByRole("textbox", { name: "Name" }), " Ana ");
    await userEvent.type(screen.getByRole("textbox", { name: "Email" }), "ana@shop.example");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(onSubmit).toHaveBeenCalledWith({ name: "Ana", email: "ana@shop.example" });
    expect((await screen.findByRole("alert")).textContent).toBe(
      "You're sending messages too fast. Please wait a moment.",
    );
  });

  it("tells the visitor their session expired and their message is kept", () => {
    renderWithIntl(<AuthForm expired onSubmit={vi.fn()} />);
    expect(screen.getByRole("alert").textContent).toContain("Your session has expired");
  });
});
