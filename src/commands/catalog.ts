import { GPUS, MODELS } from '../catalog/index.ts';
import { cliMessage } from '../i18n/index.ts';
import { printOut } from '../log.ts';

/** `catalog gpus|models [--json]`: the catalog as a table (stdout) or as JSON. */
export function runCatalog(what: 'gpus' | 'models', json: boolean): void {
  const t = cliMessage;
  if (json) {
    printOut(JSON.stringify(what === 'gpus' ? GPUS : MODELS, null, 2));
    return;
  }
  const rows =
    what === 'gpus'
      ? GPUS.map((g) => [
          g.id,
          g.name,
          g.memoryGB,
          g.memoryBandwidthGBps,
          g.denseTflops.bf16 ?? g.denseTflops.fp16 ?? '—',
          g.denseTflops.fp8 ?? '—',
          g.tdpWatts ?? '—',
          g.purchasePriceUsd ? `${g.purchasePriceUsd.low}–${g.purchasePriceUsd.high}` : '—',
          g.cloudUsdPerGpuHour ? `${g.cloudUsdPerGpuHour.low}–${g.cloudUsdPerGpuHour.high}` : '—',
        ])
      : MODELS.map((m) => [
          m.id,
          m.name,
          m.paramsB,
          m.activeParamsB,
          m.layers,
          m.hiddenSize,
          m.attentionHeads,
          m.kvHeads,
          m.ffnSize,
          m.vocabSize,
          m.experts,
          m.maxContextTokens,
        ]);
  const header = t(what === 'gpus' ? 'catalog.gpus.header' : 'catalog.models.header').split(' | ');
  const table = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  printOut(
    table
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n'),
  );
}
