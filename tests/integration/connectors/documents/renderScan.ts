import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
/** Debian's ImageMagick 6, by its full path: a `convert` earlier on PATH may be something else. */
const CONVERT = '/usr/bin/convert';

/** How a scan is spoiled, the way real scanners, faxes and phones spoil them. */
export interface ScanLook {
  /** Degrees the sheet lay crooked on the scanner (a few) or sideways (90). */
  readonly rotate?: number;
  /** Gaussian noise, as from a cheap sensor. */
  readonly noise?: boolean;
  /** Blur radius in pixels, as from a shaky phone. */
  readonly blur?: number;
  /** Grey text on grey paper: a faded carbon copy or a photo in bad light. */
  readonly lowContrast?: boolean;
  /** JPEG quality (only for .jpg). */
  readonly quality?: number;
  /** 1-bit CCITT Group 4, as a fax server writes it (only for .tif). */
  readonly fax?: boolean;
}

/**
 * Render an A4 page at 150 dpi with `lines` of 13-point text into `file` (PNG, JPEG or TIFF by its
 * extension) with ImageMagick, spoiled as `look` says.
 */
export function renderScan(file: string, lines: readonly string[], look: ScanLook = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  // A fixed seed: the same noise on every run, so a test that passes passes for a reason.
  const args = ['-seed', '7', '-size', '1240x1754', `xc:${look.lowContrast ? 'gray72' : 'white'}`, '-font', FONT, '-pointsize', '28', '-fill', look.lowContrast ? 'gray52' : 'black'];
  lines.forEach((line, i) => args.push('-annotate', `+120+${200 + i * 48}`, line));
  if (look.rotate) args.push('-background', look.lowContrast ? 'gray72' : 'white', '-rotate', String(look.rotate));
  if (look.blur) args.push('-blur', `0x${look.blur}`);
  if (look.noise) args.push('-attenuate', '0.4', '+noise', 'Gaussian');
  args.push('-colorspace', 'Gray');
  if (look.quality) args.push('-quality', String(look.quality));
  if (look.fax) args.push('-monochrome', '-compress', 'Group4');
  args.push(file);
  execFileSync(CONVERT, args);
}

/** Several rendered pages into one multi-page TIFF (Group 4 if `fax`). */
export function multiPageTiff(file: string, pages: readonly string[], fax = true): void {
  execFileSync(CONVERT, [...pages, ...(fax ? ['-monochrome', '-compress', 'Group4'] : []), file]);
}

/** Rendered pages into an image-only PDF, the way a scanner's "scan to PDF" writes it (img2pdf: no re-encoding). */
export function imagePdf(file: string, pages: readonly string[]): void {
  execFileSync('img2pdf', [...pages, '-o', file]);
}
