/* eslint-disable */
  /**
   * Generated `api` utility.
   *
   * THIS CODE IS AUTOMATICALLY GENERATED.
   *
   * To regenerate, run `npx convex dev`.
   * @module
   */
  
import type * as contactSessionRoutes from "../contactSessionRoutes.js";
import type * as crons from "../crons.js";
import type * as health from "../health.js";
import type * as http from "../http.js";
import type * as lib_abuse_agentTurn from "../lib/abuse/agentTurn.js";
import type * as lib_abuse_aiBudget from "../lib/abuse/aiBudget.js";
import type * as lib_abuse_budgetNotice from "../lib/abuse/budgetNotice.js";
import type * as lib_abuse_clientAddress from "../lib/abuse/clientAddress.js";
import type * as lib_abuse_limits from "../lib/abuse/limits.js";
import type * as lib_abuse_proofOfWork from "../lib/abuse/proofOfWork.js";
import type * as lib_abuse_tables from "../lib/abuse/tables.js";
import type * as lib_ai_enhanceDraft from "../lib/ai/enhanceDraft.js";
import type * as lib_ai_hashedEmbedding from "../lib/ai/hashedEmbedding.js";
import type * as lib_ai_models from "../lib/ai/models.js";
import type * as lib_ai_retrievalResponder from "../lib/ai/retrievalResponder.js";
import type * as lib_ai_supportAgent from "../lib/ai/supportAgent.js";
import type * as lib_ai_supportInstructions from "../lib/ai/supportInstructions.js";
import type * as lib_ai_toolOutputs from "../lib/ai/toolOutputs.js";
import type * as lib_ai_tools_conversationForTool from "../lib/ai/tools/conversationForTool.js";
import type * as lib_ai_tools_escalateConversation from "../lib/ai/tools/escalateConversation.js";
import type * as lib_ai_tools_resolveConversation from "../lib/ai/tools/resolveConversation.js";
import type * as lib_ai_tools_searchKnowledge from "../lib/ai/tools/searchKnowledge.js";
import type * as lib_answerTurn from "../lib/answerTurn.js";
import type * as lib_answers_groundedAnswer from "../lib/answers/groundedAnswer.js";
import type * as lib_answers_language from "../lib/answers/language.js";
import type * as lib_answers_phraseAnswer from "../lib/answers/phraseAnswer.js";
import type * as lib_answers_relevance from "../lib/answers/relevance.js";
import type * as lib_answers_replyTemplates from "../lib/answers/replyTemplates.js";
import type * as lib_answers_textFeatures from "../lib/answers/textFeatures.js";
import type * as lib_answers_visitorIntent from "../lib/answers/visitorIntent.js";
import type * as lib_audit from "../lib/audit.js";
import type * as lib_contactMetadata from "../lib/contactMetadata.js";
import type * as lib_contactMetadataLimits from "../lib/contactMetadataLimits.js";
import type * as lib_contactSessions from "../lib/contactSessions.js";
import type * as lib_conversationState from "../lib/conversationState.js";
import type * as lib_errors from "../lib/errors.js";
import type * as lib_functions from "../lib/functions.js";
import type * as lib_identity from "../lib/identity.js";
import type * as lib_knowledge_blocks from "../lib/knowledge/blocks.js";
import type * as lib_knowledge_chunkBlocks from "../lib/knowledge/chunkBlocks.js";
import type * as lib_knowledge_csvText from "../lib/knowledge/csvText.js";
import type * as lib_knowledge_extractText from "../lib/knowledge/extractText.js";
import type * as lib_knowledge_htmlText from "../lib/knowledge/htmlText.js";
import type * as lib_knowledge_indexDocument from "../lib/knowledge/indexDocument.js";
import type * as lib_knowledge_knowledgeBase from "../lib/knowledge/knowledgeBase.js";
import type * as lib_knowledge_markdownBlocks from "../lib/knowledge/markdownBlocks.js";
import type * as lib_knowledge_passageLink from "../lib/knowledge/passageLink.js";
import type * as lib_knowledge_passagePage from "../lib/knowledge/passagePage.js";
import type * as lib_knowledge_pdfLines from "../lib/knowledge/pdfLines.js";
import type * as lib_knowledge_pdfText from "../lib/knowledge/pdfText.js";
import type * as lib_knowledge_sentences from "../lib/knowledge/sentences.js";
import type * as lib_knowledgeFileTypes from "../lib/knowledgeFileTypes.js";
import type * as lib_knowledgePreview from "../lib/knowledgePreview.js";
import type * as lib_median from "../lib/median.js";
import type * as lib_members from "../lib/members.js";
import type * as lib_messageAuthors from "../lib/messageAuthors.js";
import type * as lib_operatorConversations from "../lib/operatorConversations.js";
import type * as lib_organizationSettings from "../lib/organizationSettings.js";
import type * as lib_organizations from "../lib/organizations.js";
import type * as lib_plans from "../lib/plans.js";
import type * as lib_plugins from "../lib/plugins.js";
import type * as lib_rateLimits from "../lib/rateLimits.js";
import type * as lib_requestCountry from "../lib/requestCountry.js";
import type * as lib_retention from "../lib/retention.js";
import type * as lib_secretEnvelope from "../lib/secretEnvelope.js";
import type * as lib_seed_seedDocuments from "../lib/seed/seedDocuments.js";
import type * as lib_threadMessages from "../lib/threadMessages.js";
import type * as lib_uploads from "../lib/uploads.js";
import type * as lib_validators from "../lib/validators.js";
import type * as lib_vapiClient from "../lib/vapiClient.js";
import type * as lib_vapiServerMessage from "../lib/vapiServerMessage.js";
import type * as lib_webhooks_verifyVapiSecret from "../lib/webhooks/verifyVapiSecret.js";
import type * as lib_webhooks_verifyWebhook from "../lib/webhooks/verifyWebhook.js";
import type * as lib_widgetCopy from "../lib/widgetCopy.js";
import type * as lib_widgetSettings from "../lib/widgetSettings.js";
import type * as private_analytics from "../private/analytics.js";
import type * as private_answerFlags from "../private/answerFlags.js";
import type * as private_auditLog from "../private/auditLog.js";
import type * as private_billing from "../private/billing.js";
import type * as private_contactSessions from "../private/contactSessions.js";
import type * as private_conversations from "../private/conversations.js";
import type * as private_knowledgeFiles from "../private/knowledgeFiles.js";
import type * as private_members from "../private/members.js";
import type * as private_messages from "../private/messages.js";
import type * as private_organization from "../private/organization.js";
import type * as private_plugins from "../private/plugins.js";
import type * as private_usage from "../private/usage.js";
import type * as private_widgetSettings from "../private/widgetSettings.js";
import type * as public_contactSessions from "../public/contactSessions.js";
import type * as public_conversations from "../public/conversations.js";
import type * as public_messages from "../public/messages.js";
import type * as public_organizations from "../public/organizations.js";
import type * as public_unreadTokens from "../public/unreadTokens.js";
import type * as public_voice from "../public/voice.js";
import type * as public_widgetSettings from "../public/widgetSettings.js";
import type * as system_abuse_aiBudget from "../system/abuse/aiBudget.js";
import type * as system_abuse_sessions from "../system/abuse/sessions.js";
import type * as system_ai_replyLanguage from "../system/ai/replyLanguage.js";
import type * as system_ai_respond from "../system/ai/respond.js";
import type * as system_contactSessions from "../system/contactSessions.js";
import type * as system_conversations from "../system/conversations.js";
import type * as system_knowledge_files from "../system/knowledge/files.js";
import type * as system_knowledge_ingest from "../system/knowledge/ingest.js";
import type * as system_knowledge_passages from "../system/knowledge/passages.js";
import type * as system_knowledge_reingest from "../system/knowledge/reingest.js";
import type * as system_operators from "../system/operators.js";
import type * as system_organizations from "../system/organizations.js";
import type * as system_plugins from "../system/plugins.js";
import type * as system_secrets_secrets from "../system/secrets/secrets.js";
import type * as system_secrets_store from "../system/secrets/store.js";
import type * as system_seed from "../system/seed.js";
import type * as system_voiceCalls from "../system/voiceCalls.js";
import type * as system_webhooks_applyEvent from "../system/webhooks/applyEvent.js";

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";

declare const fullApi: ApiFromModules<{
  "contactSessionRoutes": typeof contactSessionRoutes;
  "crons": typeof crons;
  "health": typeof health;
  "http": typeof http;
  "lib/abuse/agentTurn": typeof lib_abuse_agentTurn;
  "lib/abuse/aiBudget": typeof lib_abuse_aiBudget;
  "lib/abuse/budgetNotice": typeof lib_abuse_budgetNotice;
  "lib/abuse/clientAddress": typeof lib_abuse_clientAddress;
  "lib/abuse/limits": typeof lib_abuse_limits;
  "lib/abuse/proofOfWork": typeof lib_abuse_proofOfWork;
  "lib/abuse/tables": typeof lib_abuse_tables;
  "lib/ai/enhanceDraft": typeof lib_ai_enhanceDraft;
  "lib/ai/hashedEmbedding": typeof lib_ai_hashedEmbedding;
  "lib/ai/models": typeof lib_ai_models;
  "lib/ai/retrievalResponder": typeof lib_ai_retrievalResponder;
  "lib/ai/supportAgent": typeof lib_ai_supportAgent;
  "lib/ai/supportInstructions": typeof lib_ai_supportInstructions;
  "lib/ai/toolOutputs": typeof lib_ai_toolOutputs;
  "lib/ai/tools/conversationForTool": typeof lib_ai_tools_conversationForTool;
  "lib/ai/tools/escalateConversation": typeof lib_ai_tools_escalateConversation;
  "lib/ai/tools/resolveConversation": typeof lib_ai_tools_resolveConversation;
  "lib/ai/tools/searchKnowledge": typeof lib_ai_tools_searchKnowledge;
  "lib/answerTurn": typeof lib_answerTurn;
  "lib/answers/groundedAnswer": typeof lib_answers_groundedAnswer;
  "lib/answers/language": typeof lib_answers_language;
  "lib/answers/phraseAnswer": typeof lib_answers_phraseAnswer;
  "lib/answers/relevance": typeof lib_answers_relevance;
  "lib/answers/replyTemplates": typeof lib_answers_replyTemplates;
  "lib/answers/textFeatures": typeof lib_answers_textFeatures;
  "lib/answers/visitorIntent": typeof lib_answers_visitorIntent;
  "lib/audit": typeof lib_audit;
  "lib/contactMetadata": typeof lib_contactMetadata;
  "lib/contactMetadataLimits": typeof lib_contactMetadataLimits;
  "lib/contactSessions": typeof lib_contactSessions;
  "lib/conversationState": typeof lib_conversationState;
  "lib/errors": typeof lib_errors;
  "lib/functions": typeof lib_functions;
  "lib/identity": typeof lib_identity;
  "lib/knowledge/blocks": typeof lib_knowledge_blocks;
  "lib/knowledge/chunkBlocks": typeof lib_knowledge_chunkBlocks;
  "lib/knowledge/csvText": typeof lib_knowledge_csvText;
  "lib/knowledge/extractText": typeof lib_knowledge_extractText;
  "lib/knowledge/htmlText": typeof lib_knowledge_htmlText;
  "lib/knowledge/indexDocument": typeof lib_knowledge_indexDocument;
  "lib/knowledge/knowledgeBase": typeof lib_knowledge_knowledgeBase;
  "lib/knowledge/markdownBlocks": typeof lib_knowledge_markdownBlocks;
  "lib/knowledge/passageLink": typeof lib_knowledge_passageLink;
  "lib/knowledge/passagePage": typeof lib_knowledge_passagePage;
  "lib/knowledge/pdfLines": typeof lib_knowledge_pdfLines;
  "lib/knowledge/pdfText": typeof lib_knowledge_pdfText;
  "lib/knowledge/sentences": typeof lib_knowledge_sentences;
  "lib/knowledgeFileTypes": typeof lib_knowledgeFileTypes;
  "lib/knowledgePreview": typeof lib_knowledgePreview;
  "lib/median": typeof lib_median;
  "lib/members": typeof lib_members;
  "lib/messageAuthors": typeof lib_messageAuthors;
  "lib/operatorConversations": typeof lib_operatorConversations;
  "lib/organizationSettings": typeof lib_organizationSettings;
  "lib/organizations": typeof lib_organizations;
  "lib/plans": typeof lib_plans;
  "lib/plugins": typeof lib_plugins;
  "lib/rateLimits": typeof lib_rateLimits;
  "lib/requestCountry": typeof lib_requestCountry;
  "lib/retention": typeof lib_retention;
  "lib/secretEnvelope": typeof lib_secretEnvelope;
  "lib/seed/seedDocuments": typeof lib_seed_seedDocuments;
  "lib/threadMessages": typeof lib_threadMessages;
  "lib/uploads": typeof lib_uploads;
  "lib/validators": typeof lib_validators;
  "lib/vapiClient": typeof lib_vapiClient;
  "lib/vapiServerMessage": typeof lib_vapiServerMessage;
  "lib/webhooks/verifyVapiSecret": typeof lib_webhooks_verifyVapiSecret;
  "lib/webhooks/verifyWebhook": typeof lib_webhooks_verifyWebhook;
  "lib/widgetCopy": typeof lib_widgetCopy;
  "lib/widgetSettings": typeof lib_widgetSettings;
  "private/analytics": typeof private_analytics;
  "private/answerFlags": typeof private_answerFlags;
  "private/auditLog": typeof private_auditLog;
  "private/billing": typeof private_billing;
  "private/contactSessions": typeof private_contactSessions;
  "private/conversations": typeof private_conversations;
  "private/knowledgeFiles": typeof private_knowledgeFiles;
  "private/members": typeof private_members;
  "private/messages": typeof private_messages;
  "private/organization": typeof private_organization;
  "private/plugins": typeof private_plugins;
  "private/usage": typeof private_usage;
  "private/widgetSettings": typeof private_widgetSettings;
  "public/contactSessions": typeof public_contactSessions;
  "public/conversations": typeof public_conversations;
  "public/messages": typeof public_messages;
  "public/organizations": typeof public_organizations;
  "public/unreadTokens": typeof public_unreadTokens;
  "public/voice": typeof public_voice;
  "public/widgetSettings": typeof public_widgetSettings;
  "system/abuse/aiBudget": typeof system_abuse_aiBudget;
  "system/abuse/sessions": typeof system_abuse_sessions;
  "system/ai/replyLanguage": typeof system_ai_replyLanguage;
  "system/ai/respond": typeof system_ai_respond;
  "system/contactSessions": typeof system_contactSessions;
  "system/conversations": typeof system_conversations;
  "system/knowledge/files": typeof system_knowledge_files;
  "system/knowledge/ingest": typeof system_knowledge_ingest;
  "system/knowledge/passages": typeof system_knowledge_passages;
  "system/knowledge/reingest": typeof system_knowledge_reingest;
  "system/operators": typeof system_operators;
  "system/organizations": typeof system_organizations;
  "system/plugins": typeof system_plugins;
  "system/secrets/secrets": typeof system_secrets_secrets;
  "system/secrets/store": typeof system_secrets_store;
  "system/seed": typeof system_seed;
  "system/voiceCalls": typeof system_voiceCalls;
  "system/webhooks/applyEvent": typeof system_webhooks_applyEvent;
}>;

  /**
     * A utility for referencing Convex functions in your app's public API.
     *
     * Usage:
     * ```js
     * const myFunctionReference = api.myModule.myFunction;
     * ```
     */
export declare const api: FilterApi<typeof fullApi, FunctionReference<any, "public">>;

  /**
     * A utility for referencing Convex functions in your app's internal API.
     *
     * Usage:
     * ```js
     * const myFunctionReference = internal.myModule.myFunction;
     * ```
     */
export declare const internal: FilterApi<typeof fullApi, FunctionReference<any, "internal">>;

export declare const components: {
  agent: import("@convex-dev/agent/_generated/component.js").ComponentApi<"agent">;
  rag: import("@convex-dev/rag/_generated/component.js").ComponentApi<"rag">;
  rateLimiter: import("@convex-dev/rate-limiter/_generated/component.js").ComponentApi<"rateLimiter">;
};
