/**
 * The `@page` rule for a handout: `@page` cannot be scoped to an element, so the print view injects it while
 * mounted. Paper size, margins and the page-number footer (Chromium prints CSS page-margin boxes).
 */
import type { Paper } from '../../core/handout/stored-options.ts';

export type { Paper };

export function pageCss(paper: Paper): string {
  const size = paper === 'a4' ? 'A4' : 'letter';
  return `@page {
  size: ${size};
  margin: 16mm 15mm 18mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #444; }
}`;
}
