// Finds (or, as a last resort, installs) a Chromium for Playwright, and says which one it used.
// Order: $CHROMIUM_PATH, /usr/bin/chromium, Playwright's own downloaded browser; then install:
// apt-get on Debian as root (the project's machines), else `npx playwright install chromium` (a laptop).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const SYSTEM = '/usr/bin/chromium';

/** Path of Playwright's own downloaded Chromium if it is on disk, else null. Needs node_modules. */
async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The first Chromium found, as { path, source }, or null. */
export async function findChromium() {
  const env = process.env.CHROMIUM_PATH;
  if (env) return existsSync(env) ? { path: env, source: 'CHROMIUM_PATH' } : null;
  if (existsSync(SYSTEM)) return { path: SYSTEM, source: 'system package' };
  const own = await playwrightChromium();
  return own ? { path: own, source: "Playwright's downloaded browser" } : null;
}

const sh = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
const isDebianRoot = () => existsSync('/etc/debian_version') && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** The browser's own version line, or '' (Debian's wrapper may print a harmless shell warning on stderr). */
function versionOf(path) {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  return (r.stdout ?? '').trim();
}

/**
 * Returns the path of a usable Chromium, installing one if none is found; null if that failed too.
 * Prints one clear line naming the browser used or what was installed. Set the result as CHROMIUM_PATH.
 */
export async function ensureChromium() {
  let found = await findChromium();
  if (!found && process.env.CHROMIUM_PATH) {
    console.error(`chromium: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
    return null;
  }
  if (!found) {
    if (isDebianRoot()) {
      console.log('chromium: none found; installing Debian package "chromium" with apt-get');
      sh('apt-get -o DPkg::Lock::Timeout=600 update && apt-get -o DPkg::Lock::Timeout=600 install -y chromium');
    } else {
      console.log('chromium: none found; running "npx playwright install chromium"');
      sh('npx playwright install chromium');
    }
    found = await findChromium();
    if (found) found.source = `installed just now (${found.source})`;
  }
  if (!found) {
    console.error('chromium: no browser found, even after trying to install one; set CHROMIUM_PATH to a Chromium binary');
    return null;
  }
  console.log(`chromium: using ${found.path} [${found.source}] ${versionOf(found.path)}`);
  return found.path;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit((await ensureChromium()) ? 0 : 1);
