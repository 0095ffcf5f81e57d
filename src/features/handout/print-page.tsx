/**
 * The bare print view (`#/print`) that `npm run handout` renders to PDF: the tool hands in a handout document
 * (`window.__stepwiseHandout`, set before the page loads, or later with a `stepwise:handout` event) and waits
 * for `data-handout-ready` on <body>, set once the math is typeset and its fonts have loaded.
 */
import { useEffect, useState } from 'react';
import type { HandoutDocument } from '../../core/handout/handout.ts';
import { HandoutPrint } from './handout-print.tsx';
import type { Paper } from './page-css.ts';

export interface PrintJob {
  doc: HandoutDocument;
  paper: Paper;
}

declare global {
  interface Window {
    __stepwiseHandout?: unknown;
  }
}

export const PRINT_EVENT = 'stepwise:handout';

function readJob(raw: unknown): PrintJob | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { doc, paper } = raw as { doc?: Partial<HandoutDocument>; paper?: unknown };
  if (!doc || !Array.isArray(doc.sections) || (paper !== 'a4' && paper !== 'letter')) return null;
  return { doc: doc as HandoutDocument, paper };
}

/** Resolves once every lazily typeset block has replaced its plain-text fallback. */
function typesetDone(root: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (root.querySelector('.rich-text__plain') !== null) return false;
      observer.disconnect();
      resolve();
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
    check();
  });
}

export function PrintPage() {
  const [job, setJob] = useState<PrintJob | null>(() => readJob(window.__stepwiseHandout));
  const [bad, setBad] = useState(false);

  useEffect(() => {
    const onJob = () => {
      const next = readJob(window.__stepwiseHandout);
      setJob(next);
      setBad(next === null);
    };
    window.addEventListener(PRINT_EVENT, onJob);
    if (window.__stepwiseHandout !== undefined && readJob(window.__stepwiseHandout) === null) setBad(true);
    return () => window.removeEventListener(PRINT_EVENT, onJob);
  }, []);

  useEffect(() => {
    if (!job) return;
    let live = true;
    delete document.body.dataset.handoutReady;
    void (async () => {
      await typesetDone(document.body);
      // Two frames: the typeset DOM is laid out and its KaTeX fonts requested before waiting for them.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await document.fonts?.ready; // (no FontFaceSet outside browsers, e.g. jsdom)
      if (live) document.body.dataset.handoutReady = 'true';
    })();
    return () => {
      live = false;
    };
  }, [job]);

  if (!job) {
    return (
      <p className="page-loading" role="status">
        {bad ? 'The handout handed to this page is not one Stepwise can print.' : 'Waiting for a handout to print…'}
      </p>
    );
  }
  return <HandoutPrint doc={job.doc} paper={job.paper} />;
}
