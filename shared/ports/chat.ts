/** A chat message: plain text fallback plus optional Slack Block Kit blocks. */
export interface ChatMessage {
  readonly text: string;
  readonly blocks?: readonly unknown[];
}

/**
 * Posts to a chat incoming webhook (Slack). Contract: retries 429 and 5xx a bounded number of
 * times (honouring Retry-After within a cap), then throws ChatError with the cause. The webhook
 * URL is a secret: it never appears in errors or logs.
 */
export interface Chat {
  post(webhookUrl: string, message: ChatMessage): Promise<void>;
}
