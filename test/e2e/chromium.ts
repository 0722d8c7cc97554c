/**
 * Debian's chromium (apt-get install chromium) and the flags it needs on these machines: headless as root,
 * and no background networking (the closed network refuses it). Playwright's own browser download is not
 * available here. Shared by playwright.config.ts and bench/run.ts.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
