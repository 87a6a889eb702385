import 'server-only';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { config } from '../../config';
import { ProblemError } from '../domain-error';

/** The server cannot print PDFs: no Chromium at `CHROMIUM_PATH`. */
export class PdfUnavailable extends ProblemError {
  constructor() {
    super({ key: 'errors.exportRoutes.pdfUnavailable' });
    this.name = 'PdfUnavailable';
  }
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A browser left idle this long is closed; the next PDF starts one again. */
const IDLE_MS = 60_000;

let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let running = 0;
const waiting: Array<() => void> = [];

/** Throws PdfUnavailable when there is no Chromium to print with (checked before any work is recorded). */
export function assertPdfPrintable(): void {
  if (!fs.existsSync(config.chromiumPath)) throw new PdfUnavailable();
}

function launched(): Promise<Browser> {
  assertPdfPrintable();
  browser ??= chromium.launch({ executablePath: config.chromiumPath, args: CHROMIUM_ARGS }).catch((error) => {
    browser = null;
    throw error;
  });
  return browser;
}

async function turn(): Promise<void> {
  if (running < config.pdfConcurrency) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) return next();
  running--;
  if (running === 0) {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void closePdfPrinter(), IDLE_MS);
    idleTimer.unref();
  }
}

/**
 * Prints an HTML document (built by the server from escaped data) to an A4 PDF with the system
 * Chromium's print engine — its text shaping and bidi lay out Arabic as well as English and
 * French. The page runs no script and may fetch nothing; one browser is shared, a few pages at a time.
 */
export async function htmlToPdf(html: string): Promise<Buffer> {
  await turn();
  try {
    if (idleTimer) clearTimeout(idleTimer);
    const context = await (await launched()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      });
    } finally {
      await context.close();
    }
  } finally {
    release();
  }
}

/** Closes the shared browser (after a minute idle, and in tests; Playwright closes it when the process exits). */
export async function closePdfPrinter(): Promise<void> {
  const current = browser;
  browser = null;
  if (current) await (await current.catch(() => null))?.close();
}
