import type { ReplyLanguage } from "./language";

type Phrases = {
  /** Lead-ins for a found answer; "" means the answer starts with the quote itself. */
  leadIns: string[];
  source: (sections: string) => string;
  /** Ends every found answer; the widget offers "Yes" and "No" as quick replies to it. */
  answered: string;
  /** "Yes" to `answered`: may the conversation be closed? */
  resolveOffer: string;
  /** "No" to `resolveOffer`. */
  keepOpen: string;
  notFound: string;
  escalatedOnRequest: string;
  escalatedOnGap: string;
  /** Said when a visitor writes while a person has yet to take the conversation over. */
  awaitingPerson: string;
  resolved: string;
  greeting: string;
  welcome: string;
  anythingElse: string;
  rephrase: string;
  complaint: string;
  unavailable: string;
  /** Said when a visitor sends a file: the agent reads words only. */
  attachmentUnreadable: string;
};

/** The retrieval responder's words, in the languages the widget ships. */
export const replyTemplates: Record<ReplyLanguage, Phrases> = {
  en: {
    leadIns: ["", "Here's what I found: ", "Sure. ", "Good question. ", "From our help articles: "],
    source: (sections) => `Source: ${sections}`,
    answered: "Did that answer your question?",
    resolveOffer: "Great! Shall I mark this conversation as resolved?",
    keepOpen: "No problem. What else can I help you with?",
    notFound:
      "I couldn't find anything about that in our help articles, so I'd rather not guess. Could you rephrase it, or would you like to talk to a person?",
    escalatedOnRequest:
      "Of course. I've passed this conversation to our team; a person will reply here soon.",
    escalatedOnGap:
      "I couldn't find this in our help articles, so I've passed the conversation to our team; a person will reply here soon.",
    awaitingPerson:
      "Thanks, I've added this to the conversation. A person from our team will answer here soon.",
    resolved: "Glad I could help! I've marked this conversation as resolved. Write again anytime.",
    greeting: "Hi! Ask me anything about our product and I'll look it up for you.",
    welcome: "You're welcome! Is there anything else I can help you with?",
    anythingElse: "Great! Is there anything else I can help you with?",
    rephrase:
      "Sorry about that. Could you tell me a bit more, or would you like to talk to a person?",
    complaint:
      "I'm sorry about that. Would you like me to pass this conversation to a person on our team?",
    unavailable: "Sorry, I can't answer right now. Someone from our team will follow up here.",
    attachmentUnreadable:
      "Thanks for the file. I can't open attachments myself, but a person on our team can. Would you like me to pass this conversation to them?",
  },
  "pt-BR": {
    leadIns: ["", "Encontrei isto: ", "Claro. ", "Boa pergunta. ", "Dos nossos artigos de ajuda: "],
    source: (sections) => `Fonte: ${sections}`,
    answered: "Isso respondeu à sua pergunta?",
    resolveOffer: "Ótimo! Posso marcar esta conversa como resolvida?",
    keepOpen: "Sem problemas. Com o que mais posso ajudar?",
    notFound:
      "Não encontrei nada sobre isso nos nossos artigos de ajuda e prefiro não adivinhar. Pode reformular a pergunta ou prefere falar com uma pessoa?",
    escalatedOnRequest:
      "Claro. Passei esta conversa para a nossa equipe; uma pessoa vai responder aqui em breve.",
    escalatedOnGap:
      "Não encontrei isso nos nossos artigos de ajuda, então passei a conversa para a nossa equipe; uma pessoa vai responder aqui em breve.",
    awaitingPerson:
      "Obrigado, registrei sua mensagem na conversa. Uma pessoa da nossa equipe vai responder aqui em breve.",
    resolved:
      "Que bom que pude ajudar! Marquei esta conversa como resolvida. Escreva quando quiser.",
    greeting: "Olá! Pergunte o que quiser sobre o nosso produto que eu procuro para você.",
    welcome: "De nada! Posso ajudar com mais alguma coisa?",
    anythingElse: "Ótimo! Posso ajudar com mais alguma coisa?",
    rephrase: "Desculpe. Pode me contar um pouco mais, ou prefere falar com uma pessoa?",
    complaint:
      "Sinto muito por isso. Quer que eu passe esta conversa para uma pessoa da nossa equipe?",
    unavailable:
      "Desculpe, não consigo responder agora. Alguém da nossa equipe vai continuar por aqui.",
    attachmentUnreadable:
      "Obrigado pelo arquivo. Eu não consigo abrir anexos, mas uma pessoa da nossa equipe consegue. Quer que eu passe esta conversa para ela?",
  },
};

/** Replies that end by offering a person, so a "yes" after them is a request for one. */
export function offersPerson(text: string): boolean {
  return Object.values(replyTemplates).some((t) =>
    [t.notFound, t.rephrase, t.complaint, t.attachmentUnreadable].some((offer) =>
      text.includes(offer),
    ),
  );
}

const endsWithOneOf = (text: string, key: "answered" | "resolveOffer") =>
  Object.values(replyTemplates).some((t) => text.trimEnd().endsWith(t[key]));

/** An answer that asks "Did that answer your question?": the widget shows Yes / No under it. */
export function asksIfAnswered(text: string): boolean {
  return endsWithOneOf(text, "answered");
}

/** A reply asking whether the conversation may be closed, so a "yes" after it closes it. */
export function offersToResolve(text: string): boolean {
  return endsWithOneOf(text, "resolveOffer");
}
