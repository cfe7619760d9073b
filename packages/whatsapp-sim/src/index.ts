export {
  startWhatsAppSim,
  type PhoneInput,
  type SimMessage,
  type WhatsAppSim,
} from "./simulator.ts";
