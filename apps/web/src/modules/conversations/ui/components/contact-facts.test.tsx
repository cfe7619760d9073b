import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ContactFacts } from "./contact-facts";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const contact = {
  name: "Nadia",
  email: "nadia.with-a-very-long-address@subdomain.example-company.com",
  createdAt: Date.now() - 60_000,
  metadata: { userAgent: IPHONE, pageTitle: "Exporting your highlights from Kindle to Markdown" },
};

afterEach(cleanup);

function renderPanel(locale: "en" | "pt-BR") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      <ContactFacts contact={contact} />
    </NextIntlClientProvider>,
  );
}

describe("ContactFacts", () => {
  it("names the device in the operator's language", () => {
    renderPanel("pt-BR");
    expect(screen.getByText("Dispositivo").nextElementSibling?.textContent).toBe("Celular");
    renderPanel("en");
    expect(screen.getByText("Device").nextElementSibling?.textContent).toBe("Phone");
  });

  it("shows the whole email and page title, with the full value on hover too", () => {
    renderPanel("en");
    const email = screen.getByText(contact.email);
    expect(email.getAttribute("title")).toBe(contact.email);
    expect(email.className).not.toContain("truncate");
    const page = screen.getByText(contact.metadata.pageTitle);
    expect(page.getAttribute("title")).toBe(contact.metadata.pageTitle);
  });
});

describe("ContactFacts for a WhatsApp customer", () => {
  const customer = {
    name: "Maria Silva",
    email: "",
    createdAt: Date.now() - 5 * 60_000,
    metadata: {},
    channel: "whatsapp" as const,
    phone: "+5511987654321",
  };
  const renderCustomer = (locale: "en" | "pt-BR") =>
    render(
      <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
        <ContactFacts contact={customer} />
      </NextIntlClientProvider>,
    );

  it("shows the name and the formatted phone, not an empty browser session", () => {
    renderCustomer("en");
    expect(screen.getByRole("heading", { name: "Maria Silva" })).toBeTruthy();
    expect(screen.getByText("Phone").nextElementSibling?.textContent).toBe("+55 11 98765 4321");
    expect(screen.getByText("Channel").nextElementSibling?.textContent).toBe("WhatsApp");
    for (const label of ["Browser", "System", "Device", "Email", "Page"])
      expect(screen.queryByText(label), label).toBeNull();
    expect(screen.queryByText("Unknown")).toBeNull();
  });

  it("reads in Portuguese", () => {
    renderCustomer("pt-BR");
    expect(screen.getByText("Telefone").nextElementSibling?.textContent).toBe("+55 11 98765 4321");
    expect(screen.getByText("Primeira mensagem")).toBeTruthy();
  });
});
