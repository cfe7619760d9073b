import type { ReplyLanguage } from "./textFeatures";

/** The retrieval responder's fixed phrases, in the languages the widget ships. */
export const replyTemplates: Record<
  ReplyLanguage,
  {
    found: string;
    sources: (names: string) => string;
    followUp: string;
    notFound: string;
    escalatedOnRequest: string;
    escalatedOnGap: string;
    resolved: string;
    greeting: string;
    anythingElse: string;
    unavailable: string;
  }
> = {
  en: {
    found: "Here is what our knowledge base says:",
    sources: (names) => `Source: ${names}`,
    followUp: "Did that answer your question?",
    notFound:
      "I couldn't find anything about that in our knowledge base. Could you rephrase it, or would you like to talk to a person?",
    escalatedOnRequest:
      "Of course. I've passed this conversation to our team; a person will reply here soon.",
    escalatedOnGap:
      "I couldn't find this in our knowledge base, so I've passed the conversation to our team; a person will reply here soon.",
    resolved: "Glad I could help! I've marked this conversation as resolved. Write again anytime.",
    greeting: "Hi! Ask me anything about our product and I'll look it up for you.",
    anythingElse: "Great! Is there anything else I can help you with?",
    unavailable: "Sorry, I can't answer right now. Someone from our team will follow up here.",
  },
  "pt-BR": {
    found: "Veja o que diz a nossa base de conhecimento:",
    sources: (names) => `Fonte: ${names}`,
    followUp: "Isso respondeu à sua pergunta?",
    notFound:
      "Não encontrei nada sobre isso na nossa base de conhecimento. Pode reformular a pergunta ou prefere falar com uma pessoa?",
    escalatedOnRequest:
      "Claro. Passei esta conversa para a nossa equipe; uma pessoa vai responder aqui em breve.",
    escalatedOnGap:
      "Não encontrei isso na nossa base de conhecimento, então passei a conversa para a nossa equipe; uma pessoa vai responder aqui em breve.",
    resolved:
      "Que bom que pude ajudar! Marquei esta conversa como resolvida. Escreva quando quiser.",
    greeting: "Olá! Pergunte o que quiser sobre o nosso produto que eu procuro para você.",
    anythingElse: "Ótimo! Posso ajudar com mais alguma coisa?",
    unavailable:
      "Desculpe, não consigo responder agora. Alguém da nossa equipe vai continuar por aqui.",
  },
};
