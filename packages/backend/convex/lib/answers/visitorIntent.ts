import { normalize } from "./textFeatures";

/** What a visitor's whole message asks for, read the way the retrieval responder acts on it. */
export type VisitorIntent =
  | "human"
  | "closure"
  | "thanks"
  | "greeting"
  | "complaint"
  | "affirmative"
  | "negative"
  | "question";

const PERSON = String.raw`(?:a |an |some |um |uma |o |a )?(?:human|person|people|someone|somebody|real person|live agent|agent|operator|representative|rep|staff|team member|support team|humano|pessoa|alguem|atendente|operador|agente|representante|gente de verdade)`;

/** Requests for a person: a verb of talking or handing over aimed at a person, or a bare "human". */
const HUMAN_REQUEST = [
  new RegExp(
    String.raw`\b(?:talk|speak|chat|connect|transfer|put|pass|escalate|get)\b(?: me)?(?: (?:to|with|through to))? ${PERSON}\b`,
  ),
  new RegExp(
    String.raw`\b(?:want|need|would like|like|prefer|give me|get me)(?: to (?:talk|speak|chat)(?: to| with)?)? ${PERSON}\b`,
  ),
  new RegExp(String.raw`\b${PERSON}\b.{0,20}\b(?:i can|can i|could i) (?:talk|speak|chat)\b`),
  /\b(?:falar|conversar|falo) (?:com|c\/) (?:um |uma |o |a |algum |alguma )?(?:humano|pessoa|alguem|atendente|operador|agente|representante|gente|suporte)\b/,
  /\b(?:quero|preciso|gostaria de|prefiro|me passa|me transfere|me transfira|chama|chame|chamar)(?: (?:de|falar com|um|uma|o|a|para|pra))* (?:humano|pessoa|alguem|atendente|operador|agente|representante)\b/,
  /^(?:quero |preciso de )?(?:atendimento|suporte) humano(?: por favor| pf| agora)?$/,
];
/** A message that is nothing but the word for a person ("human!", "atendente, por favor"). */
const BARE_PERSON = new RegExp(
  String.raw`^(?:please |por favor )?${PERSON}(?: please| agora| por favor| now| pls)?$`,
);

const CLOSURE = [
  /\b(?:that'?s all|that is all|that'?s it|all set|no more questions|nothing else|problem solved|issue solved|it worked|you can close|close (?:this|the) (?:chat|conversation))\b/,
  /(?:^|\b)(?:bye|goodbye|good bye|see you|see ya|tchau|ate mais|ate logo|adeus|falou)$/,
  /\b(?:e so isso|era so isso|so isso|mais nada|resolvido|resolveu|funcionou|pode encerrar|pode fechar|encerrar (?:a|o) (?:conversa|chat|atendimento))\b/,
];
const THANKS =
  /^(?:ok(?:ay)?,? )?(?:thanks?|thank you|thx|ty|cheers|great,? thanks|perfect,? thanks|obrigad[oa]|valeu|brigad[oa]|muito obrigad[oa])(?: (?:so much|a lot|very much|again|mesmo|pela ajuda|for (?:the|your) help))?$/;
const GREETING =
  /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|ola|oi|opa|bom dia|boa tarde|boa noite|e ai)(?: there| everyone| tudo bem| tudo bom| como vai)?$/;
const AFFIRMATIVE =
  /^(?:yes|yeah|yep|yup|sure|ok|okay|please|yes please|of course|sim|claro|pode ser|por favor|quero|sim por favor|isso|pode)$/;
const NEGATIVE = /^(?:no|nope|not really|no thanks|nao|nao obrigad[oa]|ainda nao|nem)$/;
const COMPLAINT =
  /\b(?:terrible|awful|horrible|useless|worst|ridiculous|unacceptable|disappointed|frustrated|angry|scam|fed up|sucks|pessim[oa]|horrivel|ridiculo|absurdo|inaceitavel|decepcionad[oa]|frustrad[oa]|irritad[oa]|lixo|vergonha|cansad[oa] de)\b/;
const QUESTION_START =
  /^(?:what|when|where|which|who|whom|whose|why|how|is|are|do|does|did|can|could|will|would|should|may|qual|quais|quando|onde|quem|por ?que|como|quanto|quantos|quantas|o que|voces|tem|existe|posso|da pra|e possivel)\b/;

/** Greetings and courtesy in front of a question do not change what it asks. */
const LEADING_COURTESY =
  /^(?:(?:hi|hello|hey|ola|oi|bom dia|boa tarde|boa noite|good (?:morning|afternoon|evening)|thanks|obrigad[oa]|ok|okay|great|otimo|perfeito|so|entao)\b[\s,!.]*)+/;

export function visitorIntent(text: string): VisitorIntent {
  const plain = normalize(text).replace(/[’`]/g, "'").replace(/\s+/g, " ").trim();
  const bare = plain
    .replace(/[!.?,;:)(]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (BARE_PERSON.test(bare)) return "human";
  if (HUMAN_REQUEST.some((pattern) => pattern.test(bare))) {
    // "How can I talk to a person about billing hours?" is still a request; a question *about*
    // people ("what are your human support hours?") never matches a request pattern above.
    return "human";
  }
  if (GREETING.test(bare)) return "greeting";
  if (AFFIRMATIVE.test(bare)) return "affirmative";
  if (NEGATIVE.test(bare)) return "negative";
  if (THANKS.test(bare)) return "thanks";
  const rest = bare.replace(LEADING_COURTESY, "").trim();
  const asks = plain.includes("?") || QUESTION_START.test(rest);
  if (!asks && CLOSURE.some((pattern) => pattern.test(bare))) return "closure";
  if (!asks && COMPLAINT.test(bare)) return "complaint";
  if (!rest) return "greeting";
  return "question";
}
