import { BrokenCircuitError, ConsecutiveBreaker, TimeoutStrategy, circuitBreaker, handleAll, timeout, wrap } from 'cockatiel';
import type OpenAI from 'openai';

/** One OpenAI-compatible chat endpoint (OpenAI, vLLM, Ollama, llama.cpp server...). */
export interface ChatEndpoint {
  /** For logs: the base URL, never the key. */
  name: string;
  client: OpenAI;
  model: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatFailover {
  readonly endpoints: readonly string[];
  /** The first endpoint that answers, in order; endpoints whose circuit is open are skipped. Rejects when all fail. */
  complete(messages: readonly ChatMessage[], options?: { maxTokens?: number; temperature?: number }): Promise<{ text: string; endpoint: string }>;
}

export interface ChatFailoverOptions {
  /** Per attempt: a late answer is worse than the extractive one now. */
  timeoutMs: number;
  /** Consecutive failures that open an endpoint's circuit. */
  failuresToOpen?: number;
  /** How long an open circuit skips its endpoint before one trial request. */
  halfOpenAfterMs?: number;
  onFailure?: (endpoint: string, err: Error) => void;
}

/** Every endpoint failed or was skipped; `causes` says why, per endpoint. */
export class ChatUnavailableError extends Error {
  readonly causes: { endpoint: string; error: string }[];
  constructor(causes: { endpoint: string; error: string }[]) {
    super(`no chat endpoint answered (${causes.map((c) => `${c.endpoint}: ${c.error}`).join('; ')})`);
    this.name = 'ChatUnavailableError';
    this.causes = causes;
  }
}

/**
 * Tries the endpoints in order, each behind a timeout and its own circuit breaker (cockatiel):
 * after a few failures in a row an endpoint is skipped outright until a trial request succeeds,
 * so a dead provider costs nothing per turn. Breaker state is per process on purpose: it is a
 * local view of a provider's health, not conversation state.
 */
export function createChatFailover(endpoints: readonly ChatEndpoint[], options: ChatFailoverOptions): ChatFailover {
  const guarded = endpoints.map((endpoint) => ({
    endpoint,
    policy: wrap(
      circuitBreaker(handleAll, { halfOpenAfter: options.halfOpenAfterMs ?? 30_000, breaker: new ConsecutiveBreaker(options.failuresToOpen ?? 3) }),
      timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
    ),
  }));
  return {
    endpoints: endpoints.map((e) => e.name),
    async complete(messages, { maxTokens = 400, temperature = 0.2 } = {}) {
      const causes: { endpoint: string; error: string }[] = [];
      for (const { endpoint, policy } of guarded) {
        try {
          const text = await policy.execute(async ({ signal }) => {
            const completion = await endpoint.client.chat.completions.create(
              { model: endpoint.model, temperature, max_tokens: maxTokens, messages: [...messages] },
              { timeout: options.timeoutMs, maxRetries: 0, signal },
            );
            const content = completion.choices[0]?.message?.content?.trim();
            if (!content) throw new Error('the model returned an empty answer');
            return content;
          });
          return { text, endpoint: endpoint.name };
        } catch (err) {
          const error = err instanceof BrokenCircuitError ? 'circuit open (skipped)' : (err as Error).message || (err as Error).name;
          causes.push({ endpoint: endpoint.name, error });
          options.onFailure?.(endpoint.name, err as Error);
        }
      }
      throw new ChatUnavailableError(causes);
    },
  };
}
