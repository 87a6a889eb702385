import 'server-only';

/** Open collaboration sockets per person and per room, with their caps. */
export class ConnectionCounts {
  private readonly perPerson = new Map<string, number>();
  private readonly perRoom = new Map<string, number>();

  constructor(
    private readonly maxPerPerson: number,
    private readonly maxPerRoom: number,
  ) {}

  /** Counts a new socket; false (and nothing counted) when either cap is reached. */
  admit(userId: string, compactId: string): boolean {
    const person = this.perPerson.get(userId) ?? 0;
    const room = this.perRoom.get(compactId) ?? 0;
    if (person >= this.maxPerPerson || room >= this.maxPerRoom) return false;
    this.perPerson.set(userId, person + 1);
    this.perRoom.set(compactId, room + 1);
    return true;
  }

  release(userId: string, compactId: string): void {
    decrement(this.perPerson, userId);
    decrement(this.perRoom, compactId);
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const next = (counts.get(key) ?? 0) - 1;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}
