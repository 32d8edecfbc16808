/** 工作簿自身工作表与说明的消息（简体中文，并入 zh-CN.ts）。 */
import type { workbookEn } from './workbook-en.ts';

export const workbookZhCN = {
  'inputs.title': '输入参数',
  'inputs.intro':
    '方案的全部经济参数，每项位于一个命名单元格。在工作簿中修改此处的数值，总拥有成本工作表会自动重算；这些名称（pue、price_h100_sxm5_80gb 等）也可用于您自己的公式。',
  'inputs.candidatesTitle': '各候选 GPU（单卡采购价格、单卡每小时租金）',
  'inputs.col.input': '参数',
  'inputs.col.name': '公式中的名称',
  'inputs.col.price': '价格',
  'inputs.col.rent': '租金（按需）',
  'inputs.col.rentDiscount': '租用方式折扣',
  'inputs.hoursPerMonth': '每月小时数（365.25 × 24 / 12）',
  'inputs.baseNote':
    '价格与租金为基准值（除非方案指定，否则取区间中点）；下限与上限决定拥有总成本的区间。GPU 数为容量规划得出的机群规模，可修改以核算其他规模。服务器价格：填有整机价格时取整机价格，否则取主机价格（不含 GPU 的整机价格）加其 GPU，再否则为 GPU 数 × 单价 × 服务器系数；清空整机价格即按 GPU 计价。节点满载与空闲功率留空时，分别为 GPU 数 × TDP × 服务器功率倍数，以及满载功率 × 空闲占比。',
  'tco.liveNote': '在工作簿中，本表每个数值都是引用“输入参数”工作表的实时公式（GPU 数量、价格、电价、PUE 等）。',
} as const satisfies Record<keyof typeof workbookEn, string>;
