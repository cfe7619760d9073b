"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useAction, useQuery } from "convex/react";
import { useEffect, useState } from "react";

export type VapiChoice = { value: string; label: string };
export type VapiChoices = {
  assistants: VapiChoice[];
  phoneNumbers: VapiChoice[];
} | null;

/**
 * The organization's Vapi assistants and phone numbers, as the Vapi plugin lists them, once Vapi
 * is connected; null while not connected, loading or unreadable (the fields are then typed in).
 */
export function useVapiChoices(): VapiChoices {
  const plugin = useQuery(api.private.plugins.get, { service: "vapi" });
  const listAssistants = useAction(api.private.plugins.listAssistants);
  const listPhoneNumbers = useAction(api.private.plugins.listPhoneNumbers);
  const connected = plugin?.state === "connected";
  const [choices, setChoices] = useState<VapiChoices>(null);

  useEffect(() => {
    if (!connected) return;
    let current = true;
    Promise.all([listAssistants({}), listPhoneNumbers({})]).then(
      ([assistants, phoneNumbers]) =>
        current &&
        setChoices({
          assistants: assistants.map((item) => ({ value: item.id, label: item.name ?? item.id })),
          phoneNumbers: phoneNumbers.flatMap((item) =>
            item.number
              ? [
                  {
                    value: item.number,
                    label: item.name ? `${item.number} (${item.name})` : item.number,
                  },
                ]
              : [],
          ),
        }),
      // The Vapi plugin page explains a failing key; here the fields stay typeable.
      () => current && setChoices(null),
    );
    return () => {
      current = false;
    };
  }, [connected, listAssistants, listPhoneNumbers]);

  return connected ? choices : null;
}
