/** 打印文档的中文字符串：封面、执行摘要、目录（并入 zh-CN.ts）。 */
import type { documentEn } from './document-en.ts';

export const documentZhCN = {
  'document.recommendation': '推荐方案',
  'document.noRecommendation': '暂无推荐方案：详见下方摘要。',
  'document.costBand': '成本区间',
  'document.low': '下限',
  'chart.low': '下限',
  'chart.high': '上限',
  'chart.base': '基准',
  'document.base': '基准',
  'document.high': '上限',
  'document.why': '推荐理由',
  'document.risks': '主要风险',
  'document.keyFigures': '关键数据',
  'document.headlineCost': '规划期现金支出（基准）',
  'document.headlineCapex': '资本支出，即物料清单合计（基准）',
  'document.scenario': '场景',
  'document.preparedWith': '由 {tool} {version} 生成。所有数字均可追溯到场景文件、产品目录或所引用的来源（见“假设与来源”）。',
  'document.pageColumn': '页码',
  'document.analyses': '{count} 项分析',
} as const satisfies Record<keyof typeof documentEn, string>;
