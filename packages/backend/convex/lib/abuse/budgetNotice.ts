/** What the visitor reads when the organization's AI budget for the day is spent. */
const notices = {
  en: "Our AI assistant has reached its limit for today, so I've passed your conversation to our team. A person will reply here.",
  "pt-BR":
    "Nosso assistente de IA atingiu o limite de hoje, então passei sua conversa para a nossa equipe. Uma pessoa vai responder aqui.",
} satisfies Record<string, string>;

export function budgetSpentNotice(language: string): string {
  return language === "pt-BR" ? notices["pt-BR"] : notices.en;
}
