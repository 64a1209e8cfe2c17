// Helpers of the browser tests of `rawabit export --format html`: running rawabit, querying a
// database with the sqlite3 shell, and opening a page in the system's headless Chromium through
// puppeteer-core (installed in web/ by scripts/setup; it never downloads a browser).
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const binary = process.env.RAWABIT_BINARY || path.join(root, 'build/rawabit');

export function findChromium() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c) => c && existsSync(c));
}

export function loadPuppeteer() {
  const require = createRequire(path.join(root, 'web/package.json'));
  try {
    return require('puppeteer-core');
  } catch (error) {
    throw new Error('puppeteer-core is not installed in web/: run scripts/setup (it runs `npm ci` in web/)');
  }
}

export function rawabit(...args) {
  return execFileSync(binary, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28});
}

export function buildDatabase(inputs, db) {
  rawabit('build', ...inputs, '--db', db, '--quiet');
  return db;
}

export function exportHtml(db, output, ...options) {
  rawabit('export', '--db', db, '--format', 'html', '-o', output, ...options);
  return output;
}

// Rows of a query as objects, through the sqlite3 shell.
export function query(db, sql) {
  const out = execFileSync('sqlite3', ['-json', '-readonly', db, sql], {encoding: 'utf8', maxBuffer: 1 << 28});
  return out.trim() ? JSON.parse(out) : [];
}

export const sqlString = (text) => "'" + String(text).replace(/'/g, "''") + "'";

export async function launch() {
  const puppeteer = loadPuppeteer();
  return puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
  });
}

// Opens `file` and waits until the page says it is drawn. `problems` collects console errors,
// uncaught exceptions, dialogs and every request other than the file itself (nothing may be fetched).
export async function openPage(browser, file, {width = 1400, height = 900, scale = 1} = {}) {
  const page = await browser.newPage();
  await page.setViewport({width, height, deviceScaleFactor: scale});
  const url = pathToFileURL(file).href;
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push('console: ' + message.text()); });
  page.on('pageerror', (error) => problems.push('exception: ' + error.message));
  page.on('dialog', async (dialog) => { problems.push('dialog: ' + dialog.message()); await dialog.dismiss(); });
  page.on('request', (request) => { if (request.url() !== url) problems.push('request: ' + request.url()); });
  await page.goto(url, {waitUntil: 'load'});
  await page.waitForSelector('body[data-ready]', {timeout: 30000});
  return {page, problems};
}

// Types `text` into the search box and presses Enter: the first hit is selected.
export async function searchAndSelect(page, text) {
  await page.click('#search', {clickCount: 3});
  await page.type('#search', text);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel-title');
}

// The seconds since navigation when the page was drawn.
export const readySeconds = (page) => page.evaluate(() => window.__rawabit.readyMs / 1000);

// CPU ticks (user + system) used so far by each process of the browser, from /proc: on a shared
// machine the wall-clock time to open a page measures the other users too.
export function browserCpuTicks(browser) {
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');  // from field 3, the state
      stats.set(Number(entry), {ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12])});
    } catch {
      // the process ended meanwhile
    }
  }
  const root = browser.process().pid;
  const inTree = (pid) => {
    for (let p = pid, depth = 0; p > 1 && depth < 10; p = stats.get(p)?.ppid ?? 0, ++depth) if (p === root) return true;
    return false;
  };
  const ticks = new Map();
  for (const [pid, stat] of stats) if (inTree(pid)) ticks.set(pid, stat.ticks);
  return ticks;
}

// The CPU seconds the browser's processes used between two browserCpuTicks(); a process that
// ended in between is not counted, one that started counts whole.
export function cpuSecondsBetween(before, after) {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / 100;  // USER_HZ
}
