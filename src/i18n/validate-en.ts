/**
 * English scenario-validation messages (merged into en.ts): what is wrong and what would be
 * valid. `{got}` is the `validate.got` suffix, or empty.
 */
export const validateEn = {
  'validate.got': ' (got {value})',
  'validate.tooLarge': 'file is larger than {kib} KiB: not a scenario (a scenario is a few KiB of YAML)',
  'validate.empty': 'file is empty: a scenario needs version, name, workloads and candidates (see docs/scenario.md, or run gpu-report init)',
  'validate.invalidYaml': 'invalid YAML: {detail}',
  'validate.aliasBomb': 'refused: {detail} (more than {max} alias expansions)',
  'validate.notMapping': 'not a scenario: the top level must be a mapping with version: 1, name, workloads and candidates (see docs/scenario.md)',
  'validate.otherYaml': 'not a scenario: none of {keys} at the top level (found {found}); see docs/scenario.md',
  'validate.required': 'required: expected {expected}',
  'validate.requiredOneOf': 'required: one of {values}',
  'validate.notFinite': 'must be a finite number{got}',
  'validate.wrongType': 'must be {expected}{got}',
  'validate.tooFewItems': 'needs at least {bound}{min} item(s){got}',
  'validate.tooSmall': 'must be {bound}{min}{got}',
  'validate.tooBig': 'must be {bound}{max}{got}',
  'validate.oneOf': 'must be one of: {values}{got}',
  'validate.unknownField': 'unknown field{hint} Valid fields here: {allowed}',
  'validate.didYouMean': '; did you mean "{near}"?',
  'validate.idOrMapping': 'must be a catalog id (text) or a mapping with the fields in docs/scenario.md{got}',
  'validate.modelAndArchitecture': 'give either "model" or "architecture", not both',
  'validate.modelOrArchitecture': 'needs "model" (a catalog id) or "architecture" (inline)',
  'validate.unknownModel': 'unknown model "{id}": did you mean "{near}"? (list: gpu-report catalog models)',
  'validate.unknownGpu': 'unknown GPU "{id}": did you mean "{near}"? (list: gpu-report catalog gpus)',
  'validate.contextTooLong': 'context of {context} tokens exceeds the model\'s maximum of {max}',
  'validate.activeExceedsTotal': 'must not exceed paramsB ({total})',
  'validate.kvHeadsDivide': 'must divide attentionHeads ({heads})',
  'validate.duplicateGpu': '"{id}" is already listed as candidates[{index}]',
  'validate.lowAboveHigh': 'must not exceed high ({high})',
  'validate.needsRate': '"{currency}" needs economics.usdExchangeRate (units of {currency} per 1 USD) to convert catalog prices',
} as const;
