"use client";

import { AgentInstructionsForm } from "../components/agent-instructions-form";
import { FlaggedAnswers } from "../components/flagged-answers";
import { useOrganizationSettings } from "./use-organization-settings";

export function AiAgentView() {
  const { organization, canEdit, save } = useOrganizationSettings();
  if (organization === undefined)
    return <div className="m-6 h-64 animate-pulse rounded-md bg-muted" />;
  return (
    <>
      <AgentInstructionsForm
        initial={organization.agentInstructions ?? ""}
        canEdit={canEdit}
        onSave={(agentInstructions) => save({ agentInstructions })}
      />
      {canEdit ? <FlaggedAnswers /> : null}
    </>
  );
}
