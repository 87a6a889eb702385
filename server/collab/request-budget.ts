import 'server-only';

/** A token bucket: `perWindow` requests, refilled evenly over `windowMs`. */
export class RequestBudget {
  private tokens: number;
  private refilledAt = Date.now();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
  ) {
    this.tokens = perWindow;
  }

  /** Spends one request; false when the budget is used up. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.perWindow, this.tokens + ((now - this.refilledAt) * this.perWindow) / this.windowMs);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
