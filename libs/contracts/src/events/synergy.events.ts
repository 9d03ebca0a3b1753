/** A chat message stored by synergy; the gateway pushes it to both learners' open streams. */
export interface ChatMessageSentPayload {
  messageId: string;
  from: string;
  to: string;
  text: string;
  sentAt: string;
}
