/** 命令行消息（简体中文，并入 zh-CN.ts）。 */
import type { cliEn } from './cli-en.ts';

export const cliZhCN = {
  'cli.written': '✓ {file} → {outputs}',
  'cli.failed': '✗ {file}：{format}：{message}',
  'cli.invalidCount': '{file}：{count} 个问题；未写入任何文件',
  'cli.summary': '{total} 个场景：{ok} 个已生成，{invalid} 个无效，{failed} 个失败（{seconds} 秒）',
  'cli.valid': '✓ {file}：有效',
  'cli.validateSummary': '{total} 个场景：{ok} 个有效，{invalid} 个无效',
  'cli.outNotWritable': '无法写入输出目录 {dir}：{reason}',
  'cli.badFormat': '未知格式“{format}”：可用 {formats}',
  'cli.initWritten': '已写入 {file}：编辑后运行 `gpu-report run {file}`',
  'cli.initExists': '{file} 已存在：未覆盖（请换一个目录）',
  'cli.noInput': '{input}：文件或目录不存在',
  'cli.noScenarios': '{input}：此目录中没有场景文件（*.yaml、*.yml）',
  'cli.chromePathMissing': 'CHROME_PATH 指向的 {path} 不存在',
  'cli.noBrowser': '找不到用于生成 PDF 的 Chromium。请运行 `npm run setup`（Debian 上会安装 chromium-headless-shell），或将 CHROME_PATH 设为 Chrome/Chromium 可执行文件，或使用 --format xlsx,html,json',
  'cli.usageHint': '运行 gpu-report --help 查看用法。',
  'cli.internal': '内部错误：{message}\n这是 gpu-report 的缺陷；请附上命令行和场景文件报告。',
  'cli.browserMissing': '所有场景均跳过 PDF：{message}',
  'catalog.gpus.header': 'id | 名称 | 显存 GB | 带宽 GB/s | BF16 稠密 TFLOPS | FP8 稠密 TFLOPS | 功耗 W | 价格 USD | 云租金 USD/GPU·时',
  'catalog.models.header': 'id | 名称 | 参数 B | 激活参数 B | 层数 | 隐藏维度 | 注意力头 | KV 头 | FFN | 词表 | 专家数 | 最大上下文',
} as const satisfies Record<keyof typeof cliEn, string>;
