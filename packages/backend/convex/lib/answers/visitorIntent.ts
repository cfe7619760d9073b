import { normalize } from "./textFeatures";

/** Deterministic reading of a visitor message for the retrieval responder. */
export type VisitorIntent = "human" | "closure" | "greeting" | "affirmative" | "question";

const HUMAN =
  /\b(human|person|someone real|real person|operator|representative|live agent|support agent|agent please|talk to (a|an|some)one|speak (to|with) (a|an|some)one|falar com (um|uma|alguem)|atendente|humano|pessoa de verdade|uma pessoa|suporte humano)\b/;
const CLOSURE =
  /\b(that'?s all|that is all|all set|no more questions|problem solved|issue solved|it worked|(thanks|thank you)[,!. ]+(bye|goodbye|that'?s it)|e so isso|era so isso|so isso|resolvido|pode encerrar|pode fechar|tudo certo,? obrigad[oa]|obrigad[oa],? (e )?so isso)\b/;
const AFFIRMATIVE =
  /^(yes|yeah|yep|sure|ok|okay|please|yes please|sim|claro|pode ser|por favor|quero)[!. ]*$/;
const GREETING =
  /^(hi|hello|hey|good (morning|afternoon|evening)|ola|oi|bom dia|boa tarde|boa noite)[!. ]*$/;

export function visitorIntent(text: string): VisitorIntent {
  const plain = normalize(text).replace(/[’]/g, "'").trim();
  if (HUMAN.test(plain)) return "human";
  if (CLOSURE.test(plain)) return "closure";
  if (GREETING.test(plain)) return "greeting";
  if (AFFIRMATIVE.test(plain)) return "affirmative";
  return "question";
}
