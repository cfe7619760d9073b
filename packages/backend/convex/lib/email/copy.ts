import type { Infer } from "convex/values";

import type { vLanguage } from "../validators";

export type Language = Infer<typeof vLanguage>;

/** Every sentence of Echo's emails, per language; `{name}` placeholders are filled by templates.ts. */
export const emailCopy = {
  en: {
    escalationSubject: "{contact} is waiting for a person",
    escalationIntro:
      "The assistant handed a conversation with {contact} ({email}) to your team in {organization}.",
    escalationLast: "Their last message:",
    escalationAction: "Open the conversation",
    transcriptSubject: "Your conversation with {organization}",
    transcriptIntro:
      "Hello {contact}, here is the transcript of your conversation with {organization}.",
    operatorReplySubject: "{operator} replied to you",
    operatorReplyIntro:
      "Hello {contact}, {operator} from {organization} replied while you were away:",
    operatorReplyAction: "Continue the conversation",
    you: "You",
    assistant: "Assistant",
    footer: "Sent by Echo on behalf of {organization}.",
    preferencesFooter: "You receive this because you chose email notifications in Settings.",
    mentionSubject: "{author} mentioned you in a note about {contact}",
    mentionIntro: "{author} mentioned you in a private note on the conversation with {contact}:",
  },
  "pt-BR": {
    escalationSubject: "{contact} está esperando por uma pessoa",
    escalationIntro:
      "O assistente passou uma conversa com {contact} ({email}) para a sua equipe em {organization}.",
    escalationLast: "A última mensagem:",
    escalationAction: "Abrir a conversa",
    transcriptSubject: "Sua conversa com {organization}",
    transcriptIntro: "Olá, {contact}, aqui está a transcrição da sua conversa com {organization}.",
    operatorReplySubject: "{operator} respondeu a você",
    operatorReplyIntro:
      "Olá, {contact}, {operator}, de {organization}, respondeu enquanto você estava fora:",
    operatorReplyAction: "Continuar a conversa",
    you: "Você",
    assistant: "Assistente",
    footer: "Enviado pelo Echo em nome de {organization}.",
    preferencesFooter:
      "Você recebe isto porque escolheu notificações por e-mail nas Configurações.",
    mentionSubject: "{author} mencionou você em uma nota sobre {contact}",
    mentionIntro: "{author} mencionou você em uma nota privada na conversa com {contact}:",
  },
} satisfies Record<Language, Record<string, string>>;

export type EmailCopyKey = keyof (typeof emailCopy)["en"];
