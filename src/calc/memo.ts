/**
 * Memoisation for the estimators: one calculation asks for the same estimate many times (sizing
 * searches, concurrency sweeps, the scaling curve, remedies). Results are keyed by the objects an
 * input holds (GPU, model, efficiency parameters: weak keys, so a scenario's own objects can go)
 * and by a string of everything else (`fieldsKey`: every field but those objects, name and value),
 * so a field added to an input is part of the key without anyone remembering to add it; the same
 * fields in another order only miss. A map past
 * its bound is cleared. Results must be immutable.
 *
 * The memory lasts one calculation: `forgetEstimates()` (called as a calculation starts) empties
 * every memo, so a scenario's figures never depend on what was calculated before it, memory stays
 * bounded by one scenario, and the bench's timed pass does not reuse its warm-up's results.
 */

const PER_KEY = 512;
let generation = 0;

/** Starts a new calculation: every memo forgets what it held. */
export function forgetEstimates(): void {
  generation++;
}

export function memoise<I, R>(
  objectsOf: (input: I) => readonly [object, object, object],
  keyOf: (input: I) => string,
  compute: (input: I) => R,
): (input: I) => R {
  let root = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, R>>>>();
  let rootGeneration = generation;
  return (input) => {
    if (rootGeneration !== generation) [root, rootGeneration] = [new WeakMap(), generation];
    const [a, b, c] = objectsOf(input);
    let byB = root.get(a);
    if (!byB) root.set(a, (byB = new WeakMap()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new WeakMap()));
    let results = byC.get(c);
    if (!results) byC.set(c, (results = new Map()));
    const key = keyOf(input);
    const hit = results.get(key);
    if (hit !== undefined || results.has(key)) return hit as R;
    if (results.size >= PER_KEY) results.clear();
    const made = compute(input);
    results.set(key, made);
    return made;
  };
}

/**
 * Every field of `input` but `omit` (the objects a memo keys by identity), as name and value:
 * numbers as written, anything else as its JSON. Names are identifiers and values JSON tokens, so
 * two inputs share a key only when their fields are equal (a field set to undefined and an absent
 * one differ: at worst a miss). Twice as fast as the JSON of a copy with those fields blanked.
 */
export function fieldsKey(input: object, omit: ReadonlySet<string>): string {
  let key = '';
  for (const name in input) {
    if (omit.has(name)) continue;
    const value: unknown = (input as Record<string, unknown>)[name];
    key += typeof value === 'number' ? `${name}:${value},` : `${name}${JSON.stringify(value)},`;
  }
  return key;
}
