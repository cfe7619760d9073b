/**
 * The backend settings that choose and configure model mode (see the root README), read by
 * `models()`. The unit tests clear them (retrieval mode); the answers bench keeps them.
 */
export const MODEL_SETTINGS = [
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "ECHO_CHAT_MODEL",
  "ECHO_EMBEDDING_MODEL",
  "ECHO_EMBEDDING_DIMENSION",
  "ECHO_RELEVANCE_THRESHOLD",
] as const;

export type ModelSetting = (typeof MODEL_SETTINGS)[number];
