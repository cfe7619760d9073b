export {
  startWhatsAppSim,
  type PhoneInput,
  type SimMessage,
  type WhatsAppSim,
} from "./simulator.ts";
export {
  startFakeCloudApi,
  type CloudRequest,
  type CloudSent,
  type CloudTemplate,
  type FakeCloudApi,
  type PhoneMessageInput,
} from "./cloud/fakeCloudApi.ts";
