import type { ProxySetting } from '../../../shared/proxy-url';
import { DisposableStore, type Disposable } from '../lifecycle';
import type { SettingsService } from '../settings/settings';
import type { HttpClient } from './http-client';
import { proxyResolver } from './proxy-choice';
import type { ProxyRoute } from './proxy-route';
import type { ProxySignInStore } from './proxy-sign-in';

/**
 * Keeps the HTTP client's way out in step with the proxy setting in force (the policy's when it
 * pins one) and the keychain's sign-in. Requests wait for the first answer, so none slips out
 * directly (or without its sign-in) while the keychain is read at start.
 */
export function followProxy(deps: {
  settings: SettingsService;
  http: HttpClient;
  signIn: ProxySignInStore;
  system: (url: URL) => Promise<ProxyRoute>;
}): Disposable {
  const subs = new DisposableStore();
  let setting: ProxySetting = deps.settings.get().proxy;
  let generation = 0;
  let current = build();
  deps.http.setProxyResolver((url) => current.then((resolve) => resolve(url)));

  function build(): Promise<ReturnType<typeof proxyResolver>> {
    const chosen = setting;
    // Only a proxy named here has a sign-in: the system's proxies are not told ours.
    const signIn = chosen.mode === 'manual' ? deps.signIn.get().catch(() => null) : Promise.resolve(null);
    return signIn.then((found) => proxyResolver({ setting: chosen, system: deps.system, signIn: found }));
  }

  function rebuild(): void {
    const mine = ++generation;
    const next = build();
    current = next;
    // Old tunnels close once the new choice is known; a later change overtakes this one.
    void next.then(() => {
      if (mine === generation) deps.http.setProxyResolver((url) => current.then((resolve) => resolve(url)));
    });
  }

  subs.add(
    deps.settings.watch(
      (s) => s.proxy,
      (next) => {
        setting = next;
        rebuild();
      },
      { initial: false },
    ),
  );
  subs.add(deps.signIn.onDidChange(() => rebuild()));
  return subs;
}
