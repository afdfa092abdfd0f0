// Share links as the page uses them: encode the view's scenario (a subnet or a whole chain) into `#v1/…`, copy the URL,
// and open a link on load. Codec and validation are the model's (model/share.ts → restoreScenario); this file only
// reads and writes the URL and hands a decoded scenario to the view it belongs to.
import { decodeShare, encodeShare, isShareHash, ShareError } from '../model/share.ts';
import { restoreScenario, scenarioFileText, serializeScenario, type Scenario, type ScenarioKind } from '../model/scenario.ts';
import type { ChainPlayground } from './chain.svelte.ts';
import type { Playground } from './playground.svelte.ts';

/** The parts of `window` this file touches, injectable for tests (TS sandbox style). */
export interface ShareHost {
  location: { hash: string; href: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  clipboard?: { writeText(text: string): Promise<void> };
  /** Leaves for another view of the page (a link of the other kind): `location.replace`. */
  redirect(url: string): void;
}

const browserHost = (): ShareHost => ({ location, history, clipboard: navigator.clipboard, redirect: (url) => location.replace(url) });

/** The view a Share serves: what it shares and how a decoded link of its kind opens there. */
export interface ShareTarget {
  kind: ScenarioKind;
  /** The scenario on the page now, as a document text. */
  current(): Promise<string>;
  /** What the person who opens the link gets, in one sentence. */
  gets(): string;
  /** Opens a decoded link; false when it could not (`failure()` says why) and the page keeps what it had. */
  open(s: Scenario): Promise<boolean>;
  /** Why the last `open` failed, in one line. */
  failure(): string;
  /**
   * Whether the address shows the link. A subnet's does (a reload reopens the same subnet). A chain's does not: opening
   * a chain link saves a new chain, so the link leaves the address once opened, and Share never writes it there.
   */
  keepsLink: boolean;
}

/** The page's view of a scenario kind: where a link of that kind opens. */
const VIEW_OF: Record<ScenarioKind, string> = { subnet: './', chain: './?view=chain' };

export class Share {
  /** The share URL of the last Share press ('' before). */
  url = $state('');
  /** What the share panel says: copied, copy by hand, or too large. */
  message = $state('');
  copied = $state(false);
  /** Set when the scenario is too large for a link: the file fallback is offered. */
  tooLarge: { bytes: number; limit: number } | null = $state.raw(null);
  /** A link that did not open, in one line; the page keeps what it had. */
  linkError = $state('');
  open = $state(false);

  private scenario: Scenario | null = null;

  constructor(private target: ShareTarget, private host: ShareHost = browserHost()) {}

  /** What this Share shares and opens: a subnet or a whole chain. */
  get kind(): ScenarioKind {
    return this.target.kind;
  }

  /** Encodes the view's scenario as a link (a subnet's also goes in the address, by replaceState) and copies the URL. */
  async share(): Promise<void> {
    this.open = true;
    this.copied = false;
    this.tooLarge = null;
    this.url = '';
    try {
      this.scenario = restoreScenario(await this.target.current());
    } catch (e) {
      this.message = `The ${this.kind} could not be shared: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    const link = encodeShare(this.scenario);
    if ('tooLarge' in link) {
      this.tooLarge = { bytes: link.bytes, limit: link.limit };
      this.message = `This ${this.kind} is too large for a link (${link.bytes.toLocaleString('en')} against a limit of ${link.limit.toLocaleString('en')}). Download it as a scenario file and share the file instead.`;
      return;
    }
    if (this.target.keepsLink) {
      if (this.host.location.hash !== link.hash) this.host.history.replaceState(null, '', link.hash);
      this.url = this.host.location.href;
    } else this.url = this.host.location.href.replace(/#.*$/, '') + link.hash;
    try {
      if (!this.host.clipboard) throw new Error('no clipboard');
      await this.host.clipboard.writeText(this.url);
      this.copied = true;
      this.message = `Link copied to the clipboard. ${this.target.gets()}`;
    } catch {
      this.message = 'Copy the link below (the browser did not allow copying it for you).';
    }
  }

  /** The scenario file text of the last shared scenario (the too-large fallback). */
  fileText(): string {
    return this.scenario ? scenarioFileText(this.scenario) : '';
  }

  /**
   * Opens `#v1/…` when the address holds one. A broken link only sets `linkError`: what the page had stays. A link of
   * the other kind goes to the view that opens it. Returns true when a link was opened here.
   */
  async openFromHash(): Promise<boolean> {
    const hash = this.host.location.hash;
    if (!isShareHash(hash)) return false;
    let s: Scenario;
    try {
      s = decodeShare(hash);
    } catch (e) {
      this.linkError = e instanceof ShareError ? e.message : `This link could not be opened (${String(e)}).`;
      return false;
    }
    if (s.kind !== this.kind) {
      this.host.redirect(VIEW_OF[s.kind] + hash);
      return false;
    }
    this.linkError = '';
    const ok = await this.target.open(s);
    if (!ok) this.linkError = `This link’s ${this.kind} could not be loaded: ${this.target.failure()}`;
    else if (!this.target.keepsLink) this.host.history.replaceState(null, '', this.host.location.pathname + this.host.location.search);
    return ok;
  }
}

/** The subnet playground as a share target: the session's trace, opened through the worker's load. */
export function subnetShareTarget(pg: Playground): ShareTarget {
  return {
    kind: 'subnet',
    current: () => pg.exportTrace(),
    gets: () => 'Anyone who opens it gets this subnet and every epoch computed so far.',
    open: (s) => {
      if (s.kind !== 'subnet') return Promise.resolve(false);
      const name = s.trace.name || 'shared subnet';
      return pg.loadScenarioText(serializeScenario(s), name, `Opened from a share link: ${name}.`);
    },
    failure: () => pg.error,
    keepsLink: true,
  };
}

/** The chain view as a share target: the open chain's timeline, opened as a new saved chain stepped to its block. */
export function chainShareTarget(chain: ChainPlayground): ShareTarget {
  return {
    kind: 'chain',
    current: () => chain.exportText(),
    gets: () => `Anyone who opens it gets a copy of this chain, recomputed block by block to block ${chain.view?.block ?? 0n} and state hash ${chain.view?.stateHash ?? ''}.`,
    open: (s) => (s.kind === 'chain' ? chain.openScenario(s.chain, 'shared chain', 'Opened from a share link') : Promise.resolve(false)),
    failure: () => chain.error,
    keepsLink: false,
  };
}
