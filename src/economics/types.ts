/**
 * The economic values the money formulas read: every declared parameter (parameters.ts) with its
 * default applied, in the scenario currency, and a price range. scenario/resolve.ts produces
 * them; they are declared here so that economics/ depends on no scenario module.
 */
import type { EconomicKey } from './parameters.ts';

export interface Money { readonly low: number; readonly base: number; readonly high: number; readonly from: 'scenario' | 'catalog' }

/** Every economic parameter (economics/parameters.ts) with its default applied, in the scenario currency. */
export type ResolvedEconomics = Readonly<Record<EconomicKey, number>> & {
  readonly currency: string;
  readonly usdExchangeRate: number;
  readonly budget?: number;
  /** Which fields the scenario set (the rest are documented defaults). */
  readonly fromScenario: ReadonlySet<string>;
};
