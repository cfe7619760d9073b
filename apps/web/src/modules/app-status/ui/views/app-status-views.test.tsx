import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";

import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { ErrorView } from "./error-view";
import { NotFoundView } from "./not-found-view";

afterEach(cleanup);

function inLocale(locale: "en" | "pt-BR", children: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR}>
      {children}
    </NextIntlClientProvider>,
  );
}

describe("the app's not-found page", () => {
  it("says so in Portuguese, with a way to the conversations in that locale", () => {
    inLocale("pt-BR", <NotFoundView />);
    expect(screen.getByRole("heading", { name: "Página não encontrada" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Ir para as conversas" }).getAttribute("href")).toBe(
      "/pt-BR/conversations",
    );
  });
});

describe("the app's error page", () => {
  it("offers a retry and shows the error's reference, in English", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const reset = vi.fn();
    const error = Object.assign(new Error("boom"), { digest: "4182736" });
    inLocale("en", <ErrorView error={error} reset={reset} />);
    expect(screen.getByRole("heading", { name: "Something went wrong" })).toBeTruthy();
    expect(screen.getByText("Reference: 4182736")).toBeTruthy();
    expect(screen.queryByText("boom")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(reset).toHaveBeenCalledOnce();
  });

  it("is translated to Portuguese", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    inLocale("pt-BR", <ErrorView error={new Error("boom")} reset={() => {}} />);
    expect(screen.getByRole("heading", { name: "Algo deu errado" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tentar de novo" })).toBeTruthy();
  });
});
