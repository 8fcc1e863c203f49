import { lookup as dnsLookup } from 'node:dns/promises';
import { AppError } from '../errors';
import { classifyAddress, isIpLiteral, type AddressClass } from './address-class';

/** Resolves a host name to its addresses (dns.lookup with `all`; tests pass their own). */
export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/** What bintu's URL is for, so refusals name it in the operator's words. */
export type UrlPurpose = 'asset' | 'recording' | 'replay';

/** How `UrlRules` is built: tests and on-premises setups may state the API base's class. */
export interface UrlRulesOptions {
  /** The class of the API base's address; found from the base itself when left out. */
  apiClass?: AddressClass;
  resolve?: Resolver;
}

const WHAT: Record<UrlPurpose, string> = { asset: 'picture', recording: 'recording', replay: 'replay page' };
const CLASS_WORDS: Record<AddressClass, string> = {
  public: 'a public address',
  private: 'a private network address',
  loopback: 'this computer (loopback)',
  'link-local': 'a link-local address',
  reserved: 'a reserved address',
};

/** The Node error code a refused lookup carries; the HTTP exchange turns it into an `AppError`. */
export const ADDRESS_REFUSED = 'ERR_WALL_ADDRESS_REFUSED';

const defaultResolve: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * The one set of rules for every URL bintu hands out (pictures, recordings, replay pages): https
 * only, plain http only to this computer when the API base is on it too; never a loopback,
 * private or link-local address unless the API base itself is in that class. Literal addresses are
 * checked in `check`, names when the socket resolves them (`allowsAddress` in the lookup hook), so
 * a name that resolves to 127.0.0.1 is refused as well.
 */
export class UrlRules {
  /** The resolver used for names; the HTTP client's lookup hook uses it too. */
  readonly resolve: Resolver;
  private known: AddressClass | null;
  private pending: Promise<AddressClass> | null = null;

  constructor(
    readonly apiBase: string,
    options: UrlRulesOptions = {},
  ) {
    this.resolve = options.resolve ?? defaultResolve;
    this.known = options.apiClass ?? literalClass(apiBase);
  }

  /** The API base's address class: from its literal, `localhost`, the option, or one lookup of its name. */
  async apiClass(): Promise<AddressClass> {
    if (this.known !== null) return this.known;
    this.pending ??= this.resolve(new URL(this.apiBase).hostname)
      .then((addresses) => (this.known = classifyAddress(addresses[0]?.address ?? '')))
      // A name that does not resolve now is treated as public (the strictest rules) and asked again later.
      .catch(() => 'public' as const)
      .finally(() => (this.pending = null));
    return this.pending;
  }

  /** The class learnt so far (the strictest, `public`, until `apiClass()` has answered). */
  apiClassNow(): AddressClass {
    return this.known ?? 'public';
  }

  /** Whether an address of this class may be reached over this scheme. */
  allowsClass(target: AddressClass, protocol: 'http:' | 'https:', apiClass = this.apiClassNow()): boolean {
    if (target === 'reserved') return false;
    if (protocol === 'http:') return target === 'loopback' && apiClass === 'loopback';
    return target === 'public' || target === apiClass;
  }

  /** Whether a resolved address may be connected to: the lookup hook's question. */
  allowsAddress(address: string, protocol: 'http:' | 'https:'): boolean {
    return this.allowsClass(classifyAddress(address), protocol);
  }

  /** Checks a URL bintu named before anything is sent; returns it parsed or throws an `AppError`. */
  async check(url: string, purpose: UrlPurpose): Promise<URL> {
    const what = WHAT[purpose];
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new AppError('invalid-input', `bintu gave a ${what} address that is not a valid URL.`);
    }
    const apiClass = await this.apiClass();
    const host = parsed.host;
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new AppError('invalid-input', `The ${what} address uses ${parsed.protocol.slice(0, 20)}; only https addresses are fetched.`);
    }
    if (parsed.protocol === 'http:' && apiClass !== 'loopback') {
      throw new AppError('invalid-input', `The ${what} at ${host} uses plain http; the app fetches bintu's files over https only.`);
    }
    const literal = hostClass(parsed.hostname);
    if (literal !== null && !this.allowsClass(literal, parsed.protocol, apiClass)) throw refusal(what, host, literal);
    return parsed;
  }

  /**
   * `check`, and for a name also its addresses now: for URLs another program opens (a replay page
   * in a browser window), where no lookup hook of ours sees the connection. What the name resolves
   * to later is that program's; the window's own navigation rules hold it to this origin.
   */
  async checkResolved(url: string, purpose: UrlPurpose): Promise<URL> {
    const parsed = await this.check(url, purpose);
    if (isIpLiteral(parsed.hostname)) return parsed;
    const protocol = parsed.protocol as 'http:' | 'https:';
    let addresses: Array<{ address: string }>;
    try {
      addresses = await this.resolve(parsed.hostname);
    } catch {
      throw new AppError('network', `The ${WHAT[purpose]} host ${parsed.host} could not be found.`);
    }
    const refused = addresses.find((a) => !this.allowsAddress(a.address, protocol));
    if (refused !== undefined || addresses.length === 0) throw refusal(WHAT[purpose], parsed.host, classifyAddress(refused?.address ?? ''));
    return parsed;
  }

  /** The error for a name that resolved to an address these rules refuse. */
  refusedAddress(hostname: string, address: string): Error {
    const error = refusal('file', hostname, classifyAddress(address));
    return Object.assign(new Error(error.message), { code: ADDRESS_REFUSED });
  }
}

/** The class a URL's host has without resolving it: IP literals and `localhost`; null for names. */
function hostClass(hostname: string): AddressClass | null {
  if (isIpLiteral(hostname)) return classifyAddress(hostname);
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') ? 'loopback' : null;
}

function literalClass(apiBase: string): AddressClass | null {
  try {
    return hostClass(new URL(apiBase).hostname);
  } catch {
    return 'public';
  }
}

function refusal(what: string, host: string, target: AddressClass): AppError {
  return new AppError(
    'invalid-input',
    `The ${what} at ${host} points to ${CLASS_WORDS[target]}; the app only fetches from there when the API base is there too.`,
  );
}
