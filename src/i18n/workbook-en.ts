/** English messages of the workbook's own sheets and notes (merged into en.ts). */
export const workbookEn = {
  'inputs.title': 'Inputs',
  'inputs.intro':
    'Every economic input of the scenario in a named cell. In the workbook, change a value here and the TCO sheet recalculates; the names (pue, price_h100_sxm5_80gb, …) work in your own formulas too.',
  'inputs.candidatesTitle': 'Per candidate GPU (purchase price per GPU, rent per GPU-hour)',
  'inputs.col.input': 'Input',
  'inputs.col.name': 'Name in formulas',
  'inputs.col.price': 'Price',
  'inputs.col.rent': 'Rent (on demand)',
  'inputs.col.rentDiscount': 'Rental term discount',
  'inputs.hoursPerMonth': 'Hours per month (365.25 × 24 / 12)',
  'inputs.baseNote':
    'Price and rent are the base values (the midpoint of the range unless the scenario set one); low and high bound the owned TCO range. GPUs is the fleet the sizing found: change it to price another fleet. A server costs its node price where one is filled in, else the price without GPUs + its GPUs, else GPUs × price × server overhead: clear the node price to price the server by its GPUs. Node power at load and idle, where empty, is GPUs × TDP × the server power multiple and load × the idle share.',
  'tco.liveNote':
    'In the workbook every figure of this table is a live formula over the Inputs sheet (GPU count, prices, electricity, PUE, …).',
} as const;
