/** Strictly increasing creation times, so `_creationTime` breaks ties between documents. */
export interface CreationTimes {
  nextCreationTime(): number;
}

export class CreationClock implements CreationTimes {
  private last = 0;
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  nextCreationTime(): number {
    const now = this.now();
    this.last = now > this.last ? now : this.last + 0.001;
    return this.last;
  }
}
