import 'server-only';

/**
 * People whose update the party rules refused recently, per compact: their new connections there
 * are turned away until the cooldown ends, so nobody can make a room reload (and every co-editor
 * reconnect) over and over. In memory, like the connection counts.
 */
export class RefusalCooldown {
  private readonly until = new Map<string, number>();

  constructor(private readonly cooldownMs: number) {}

  refused(userId: string | null, compactId: string, now = Date.now()): void {
    if (userId === null || this.cooldownMs === 0) return;
    this.forgetExpired(now);
    this.until.set(`${compactId}\u0000${userId}`, now + this.cooldownMs);
  }

  coolingDown(userId: string, compactId: string, now = Date.now()): boolean {
    const until = this.until.get(`${compactId}\u0000${userId}`);
    return until !== undefined && until > now;
  }

  private forgetExpired(now: number): void {
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
  }
}
