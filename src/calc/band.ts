/** A number with its uncertainty band (low <= value <= high). */
export interface Band {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/** Relative band: value * lowFactor .. value * highFactor, clamped so low <= value <= high. */
export function band(value: number, lowFactor: number, highFactor: number): Band {
  const a = value * Math.min(lowFactor, 1);
  const b = value * Math.max(highFactor, 1);
  return { value, low: Math.min(a, b), high: Math.max(a, b) };
}
