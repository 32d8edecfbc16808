/** English strings of the printed document: cover, executive summary, contents (merged into en.ts). */
export const documentEn = {
  'document.recommendation': 'Recommendation',
  'document.noRecommendation': 'No recommendation: see the summary below.',
  'document.costBand': 'Cost range',
  'document.low': 'Low',
  'chart.low': 'Low',
  'chart.high': 'High',
  'chart.base': 'Base',
  'document.base': 'Base',
  'document.high': 'High',
  'document.why': 'Why',
  'document.risks': 'Main risks',
  'document.keyFigures': 'Key figures',
  'document.headlineCost': 'Cash over the planning horizon (base)',
  'document.headlineCapex': 'Capital expenditure, the bill of materials total (base)',
  'document.scenario': 'Scenario',
  'document.preparedWith':
    'Prepared with {tool} {version}. Every number is traceable to the scenario file, the catalog or a cited source (see Assumptions).',
  'document.pageColumn': 'Page',
  'document.analyses': '{count} analyses',
} as const;
