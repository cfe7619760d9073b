export { startMailSink, type CaughtMail, type MailSink } from "./mailSink.ts";
