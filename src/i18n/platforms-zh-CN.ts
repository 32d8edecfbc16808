/** 按平台 id 的平台名称；厂商产品名（HGX、DGX、OAM、NVL72、Cray）保留原文。 */
import type { platformsEn } from './platforms-en.ts';

export const platformsZhCN: Record<keyof typeof platformsEn, string> = {
  'platform.hgx-8gpu-sxm': 'HGX/DGX 8 卡服务器',
  'platform.hgx-b200-8gpu': 'HGX/DGX B200 8 卡服务器',
  'platform.hgx-a100-8gpu': 'HGX/DGX A100 8 卡服务器',
  'platform.dgx-1-v100': 'DGX-1 / HGX-1 8 卡服务器（V100）',
  'platform.gb200-nvl72': 'GB200 NVL72 整机柜',
  'platform.oam-8gpu': '8 卡 OAM 服务器',
  'platform.cray-ex235a': 'HPE Cray EX235a 刀片节点（4 卡）',
  'platform.pcie-8gpu': '8 卡 PCIe 服务器',
  'platform.pcie-4gpu': '4 卡 PCIe 服务器',
  'platform.workstation-4gpu': '4 卡工作站',
  'platform.cloud-only': '仅云实例',
  'platform.single': '单 GPU',
};
