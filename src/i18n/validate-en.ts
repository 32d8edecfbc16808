/**
 * English scenario-validation messages (merged into en.ts): what is wrong and what would be
 * valid. `{got}` is the `validate.got` suffix, or empty.
 */
export const validateEn = {
  'validate.got': ' (got {value})',
  'validate.tooLarge': 'file is larger than {kib} KiB: not a scenario (a scenario is a few KiB of YAML)',
  'validate.empty':
    'file is empty: a scenario needs version, name, workloads and candidates (see docs/scenario.md, or run gpu-report init)',
  'validate.invalidYaml': 'invalid YAML: {detail}',
  'validate.aliasBomb': 'refused: {detail} (more than {max} alias expansions)',
  'validate.notMapping':
    'not a scenario: the top level must be a mapping with version: 1, name, workloads and candidates (see docs/scenario.md)',
  'validate.otherYaml': 'not a scenario: none of {keys} at the top level (found {found}); see docs/scenario.md',
  'validate.required': 'required: expected {expected}',
  'validate.requiredOneOf': 'required: one of {values}',
  'validate.notFinite': 'must be a finite number{got}',
  'validate.wrongType': 'must be {expected}{got}',
  'validate.tooFewItems': 'needs at least {bound}{min} item(s){got}',
  'validate.tooSmall': 'must be {bound}{min}{got}',
  'validate.tooBig': 'must be {bound}{max}{got}',
  'validate.nonFinite':
    'the report would show {value} at {path}: these inputs together are beyond what the model can compute (bring the extreme values toward the plausible ranges in docs/scenario.md)',
  'validate.between': 'between {min} and {max}',
  'validate.bounds': '{lo} and {hi}',
  'validate.outOfRange': 'must be {range}{got}',
  'validate.moneyRange': 'must be between {min} and {max} {currency}{usd}{got}',
  'validate.moneyRangeUsd': ' ({min}–{max} USD at usdExchangeRate {rate})',
  'validate.oneOf': 'must be one of: {values}{got}',
  'validate.unknownField': 'unknown field{hint} Valid fields here: {allowed}',
  'validate.didYouMean': '; did you mean "{near}"?',
  'validate.idOrMapping': 'must be a catalog id (text) or a mapping with the fields in docs/scenario.md{got}',
  'validate.modelAndArchitecture': 'give either "model" or "architecture", not both',
  'validate.modelOrArchitecture': 'needs "model" (a catalog id) or "architecture" (inline)',
  'validate.unknownModel': 'unknown model "{id}": did you mean "{near}"? (list: gpu-report catalog models)',
  'validate.unknownGpu': 'unknown GPU "{id}": did you mean "{near}"? (list: gpu-report catalog gpus)',
  'validate.contextTooLong': "context of {context} tokens exceeds the model's maximum of {max}",
  'validate.activeExceedsTotal': 'must not exceed paramsB ({total})',
  'validate.kvHeadsDivide': 'must divide attentionHeads ({heads})',
  'validate.contextParallelDivides':
    'context parallelism {cp} splits each sequence into {chunks} equal chunks: seqLen ({seqLen}) must be divisible by {chunks}',
  'validate.trafficOneOf': 'give only one of {fields}',
  'validate.thinkNeedsUsers': 'applies only with activeUsers',
  'validate.activeExpertsExceed': 'must not exceed experts ({experts})',
  'validate.layersExceed': 'must not exceed layers ({layers})',
  'validate.duplicateGpu': '"{id}" is already listed as candidates[{index}]',
  'validate.idleAboveLoad': 'must not exceed nodePowerKw ({load} kW): a node draws less idle than at load',
  'validate.lowAboveHigh': 'must not exceed high ({high})',
  'validate.needsRate': '"{currency}" needs economics.usdExchangeRate (units of {currency} per 1 USD) to convert catalog prices',
  'validate.controlChar': 'contains the control character {char} at character {index}: {allowed}',
  'validate.controlCharKey': 'field name contains the control character {char}: field names are plain text (see docs/scenario.md)',
  'validate.textOneLine': 'this text must be printable characters on one line',
  'validate.textMultiline': 'only tab and line breaks are allowed here besides printable characters',
  'validate.multipleDocuments':
    'a second YAML document starts here (---): a scenario file holds exactly one; put each scenario in its own file',
  'validate.bom': 'the file is {encoding} (it starts with a byte-order mark): save it as UTF-8',
  'validate.nulByte': 'contains a NUL byte: the file is UTF-16 without a byte-order mark, or not text; save it as UTF-8',
  'validate.invalidUtf8':
    'not valid UTF-8 (byte 0x{byte}): the file seems to be in another encoding such as Latin-1 or Windows-1252; save it as UTF-8',
  'validate.unreadable': 'cannot read the file ({reason}): check that you may read it',
  'validate.vanished': 'the file was removed or renamed before it could be read',
  'validate.notRegularFile': 'not a regular file ({kind}): a scenario is a .yaml file',
} as const;
