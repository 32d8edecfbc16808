import { closest } from 'fastest-levenshtein';

const tokens = (id: string) =>
  id
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The valid id nearest to a mistyped one. Ids that contain every token the user typed win
 * ("h100" → "h100-sxm5-80gb", "llama-3-70b" → "llama-3.1-70b"), first in catalog order;
 * otherwise the smallest edit distance.
 */
export function nearestId(input: string, ids: readonly string[]): string {
  const wanted = tokens(input);
  const containing = ids.filter((id) => {
    const have = tokens(id);
    return wanted.every((w) => have.some((h) => h.startsWith(w)));
  });
  // Catalog order puts the flagship variant first (h100-sxm5-80gb before h100-pcie-80gb).
  if (containing[0] !== undefined) return containing[0];
  return closest(input.toLowerCase(), ids as string[]);
}
