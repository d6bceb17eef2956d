/**
 * kqlgen's own retries. The SDK's retry policy is turned off (`maxRetries: 0`)
 * because it does not retry a 429 without a Retry-After header and waits as
 * long as any Retry-After says; here one policy serves Log Analytics, its
 * metadata API and Graph alike: 429 and 503 wait what Retry-After asks (up to
 * a limit), otherwise back off exponentially; 408, 500, 502, 504 and dropped
 * connections are retried; everything else fails at once.
 */
import { describeFailure, retryVerdict, type ServiceContext } from "./errors.js";

export interface RetryOptions {
  /** Requests per operation, the first included. */
  readonly maxAttempts: number;
  /** First backoff delay; doubled on each further attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this ends the operation instead of waiting. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 16_000, maxRetryAfterMs: 60_000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with ±20 % jitter, so parallel requests do not retry in step. */
function backoff(attempt: number, retry: RetryOptions): number {
  const base = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Runs `op`, retrying what is worth retrying; throws a LiveError describing the last failure. */
export async function withRetries<T>(op: () => Promise<T>, ctx: ServiceContext, retry: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      const verdict = retryVerdict(e);
      if (!verdict.retry || attempt >= retry.maxAttempts) throw describeFailure(e, ctx, { attempts: attempt });
      if (verdict.afterMs !== undefined && verdict.afterMs > retry.maxRetryAfterMs) {
        throw describeFailure(e, ctx, { attempts: attempt, retryAfterTooLongMs: verdict.afterMs, maxRetryAfterMs: retry.maxRetryAfterMs });
      }
      await sleep(verdict.afterMs ?? backoff(attempt, retry));
    }
  }
}
