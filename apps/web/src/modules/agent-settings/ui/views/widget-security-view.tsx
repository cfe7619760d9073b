"use client";

import { AllowedDomainsForm } from "../components/allowed-domains-form";
import { TypingPreviewSetting } from "../components/typing-preview-setting";
import { useOrganizationSettings } from "./use-organization-settings";

export function WidgetSecurityView() {
  const { organization, canEdit, save } = useOrganizationSettings();
  if (organization === undefined)
    return <div className="m-6 h-64 animate-pulse rounded-md bg-muted" />;
  return (
    <>
      <AllowedDomainsForm
        initial={organization.allowedDomains}
        canEdit={canEdit}
        onSave={(allowedDomains) => save({ allowedDomains })}
      />
      <TypingPreviewSetting canEdit={canEdit} />
    </>
  );
}
