/**
 * Platform names by platform id (data/platforms.yaml, and `single` of src/catalog/platforms.ts):
 * the English is the catalog's `name` (a test holds them equal); vendor product names (HGX, DGX,
 * OAM, NVL72, Cray) stay as they are in every language.
 */
export const platformsEn = {
  'platform.hgx-8gpu-sxm': 'HGX/DGX 8-GPU server',
  'platform.hgx-b200-8gpu': 'HGX/DGX B200 8-GPU server',
  'platform.hgx-a100-8gpu': 'HGX/DGX A100 8-GPU server',
  'platform.dgx-1-v100': 'DGX-1 / HGX-1 8-GPU server (V100)',
  'platform.gb200-nvl72': 'GB200 NVL72 rack',
  'platform.oam-8gpu': '8-GPU OAM server',
  'platform.cray-ex235a': 'HPE Cray EX235a blade node (4 GPUs)',
  'platform.pcie-8gpu': '8-GPU PCIe server',
  'platform.pcie-4gpu': '4-GPU PCIe server',
  'platform.workstation-4gpu': '4-GPU workstation',
  'platform.cloud-only': 'Cloud instances only',
  'platform.single': 'Single GPU',
};
