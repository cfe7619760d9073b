import { describe, expect, it } from "vitest";

import { NO_STAGE, toContactInput, toFormValues } from "./contact-form-values";

describe("contact form values", () => {
  it("splits lists on commas, semicolons and new lines and drops blanks", () => {
    expect(
      toContactInput({
        name: "  Ana ",
        emails: "ana@example.com,\n ana@work.example ;",
        phones: "+55 11 91234-5678",
        company: " Acme ",
        stage: "customer",
        tags: "vip, , billing",
        customFields: {},
      }),
    ).toEqual({
      name: "Ana",
      emails: ["ana@example.com", "ana@work.example"],
      phones: ["+55 11 91234-5678"],
      company: "Acme",
      tags: ["vip", "billing"],
      stage: "customer",
    });
  });

  it("leaves the stage out when none is chosen, and round-trips a contact", () => {
    const values = toFormValues({
      name: "Bruno",
      emails: ["b@example.com"],
      phones: [],
      tags: ["lead-2026"],
    });
    expect(values.stage).toBe(NO_STAGE);
    expect(toContactInput(values)).not.toHaveProperty("stage");
    expect(toContactInput(values).emails).toEqual(["b@example.com"]);
  });
});
