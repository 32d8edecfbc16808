/**
 * The report's fonts where scripts/setup.sh installs them (Debian's fonts-dejavu-core and
 * fonts-wqy-microhei). The HTML names them by family (templates/report.css);
 * the chart PNGs and the PDF step load these files directly, because scanning every system font
 * costs more than the work itself.
 */
import { existsSync, readFileSync } from 'node:fs';

const FONT_FILES = {
  sans: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  sansBold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  cjk: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
} as const;

let all: string[] | null | undefined;
/** All three files, or null when any is missing (then callers fall back to system fonts). */
export const installedFontFiles = (): string[] | null => {
  all ??= Object.values(FONT_FILES).every((f) => existsSync(f)) ? Object.values(FONT_FILES) : null;
  return all;
};

let sans: Uint8Array | null | undefined;
/** DejaVu Sans, the report's body font, as bytes (read once); null when not installed. */
export const sansFontBytes = (): Uint8Array | null => {
  sans ??= existsSync(FONT_FILES.sans) ? readFileSync(FONT_FILES.sans) : null;
  return sans;
};
