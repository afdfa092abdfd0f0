// Share links as the page uses them: encode the session's subnet into `#v1/…`, copy the URL, and open a link on load.
// Codec and validation are the model's (model/share.ts → restoreScenario); this file only reads and writes the URL.
import { decodeShare, encodeShare, isShareHash, ShareError } from '../model/share.ts';
import { restoreScenario, scenarioFileText, serializeScenario, type Scenario } from '../model/scenario.ts';
import type { Playground } from './playground.svelte.ts';

/** The parts of `window` this file touches, injectable for tests (TS sandbox style). */
export interface ShareHost {
  location: { hash: string; href: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  clipboard?: { writeText(text: string): Promise<void> };
}

const browserHost = (): ShareHost => ({ location, history, clipboard: navigator.clipboard });

export class Share {
  /** The share URL of the last Share press ('' before). */
  url = $state('');
  /** What the share panel says: copied, copy by hand, or too large. */
  message = $state('');
  copied = $state(false);
  /** Set when the subnet is too large for a link: the file fallback is offered. */
  tooLarge: { bytes: number; limit: number } | null = $state.raw(null);
  /** A link that did not open, in one line; the page keeps what it had. */
  linkError = $state('');
  open = $state(false);

  private scenario: Scenario | null = null;

  constructor(private pg: Playground, private host: ShareHost = browserHost()) {}

  /** Encodes the session's subnet into the URL (replaceState, only when it changed) and copies the URL. */
  async share(): Promise<void> {
    this.open = true;
    this.copied = false;
    this.tooLarge = null;
    this.url = '';
    try {
      this.scenario = restoreScenario(await this.pg.exportTrace());
    } catch (e) {
      this.message = `The subnet could not be shared: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    const link = encodeShare(this.scenario);
    if ('tooLarge' in link) {
      this.tooLarge = { bytes: link.bytes, limit: link.limit };
      this.message = `This subnet is too large for a link (${link.bytes.toLocaleString('en')} against a limit of ${link.limit.toLocaleString('en')}). Download it as a scenario file and share the file instead.`;
      return;
    }
    if (this.host.location.hash !== link.hash) this.host.history.replaceState(null, '', link.hash);
    this.url = this.host.location.href;
    try {
      if (!this.host.clipboard) throw new Error('no clipboard');
      await this.host.clipboard.writeText(this.url);
      this.copied = true;
      this.message = 'Link copied to the clipboard. Anyone who opens it gets this subnet and every epoch computed so far.';
    } catch {
      this.message = 'Copy the link below (the browser did not allow copying it for you).';
    }
  }

  /** The scenario file text of the last shared subnet (the too-large fallback). */
  fileText(): string {
    return this.scenario ? scenarioFileText(this.scenario) : '';
  }

  /**
   * Opens `#v1/…` when the address holds one. A broken link only sets `linkError`: the subnet already loaded stays.
   * Returns true when a link was opened.
   */
  async openFromHash(): Promise<boolean> {
    const hash = this.host.location.hash;
    if (!isShareHash(hash)) return false;
    let text: string;
    let name: string;
    try {
      const s = decodeShare(hash);
      text = serializeScenario(s);
      name = s.trace.name || 'shared subnet';
    } catch (e) {
      this.linkError = e instanceof ShareError ? e.message : `This link could not be opened (${String(e)}).`;
      return false;
    }
    this.linkError = '';
    const ok = await this.pg.loadScenarioText(text, name, `Opened from a share link: ${name}.`);
    if (!ok) this.linkError = `This link’s subnet could not be loaded: ${this.pg.error}`;
    return ok;
  }
}
