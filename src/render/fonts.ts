/**
 * The report's fonts where scripts/setup.sh installs them (Debian's fonts-dejavu-core and
 * fonts-wqy-microhei). The HTML names them by family (templates/report.css); the PDF step loads
 * DejaVu Sans directly (the contents' page numbers), because scanning every system font costs
 * more than the work itself.
 */
import { existsSync, readFileSync } from 'node:fs';

const FONT_FILES = {
  sans: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  sansBold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  cjk: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
} as const;

let sans: Uint8Array | null | undefined;
/** DejaVu Sans, the report's body font, as bytes (read once); null when not installed. */
export const sansFontBytes = (): Uint8Array | null => {
  sans ??= existsSync(FONT_FILES.sans) ? readFileSync(FONT_FILES.sans) : null;
  return sans;
};
