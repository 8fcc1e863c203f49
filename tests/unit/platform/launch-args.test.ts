import { describe, expect, it } from 'vitest';
import { handedOverArgs, LaunchRequests, parseLaunchArgs, type LaunchTarget } from '../../../src/main/platform/launch-args';

const none = { kiosk: false, display: null, profile: null, problems: [] };

describe('the command line of a start', () => {
  it('reads --kiosk, --display N and --profile NAME, in both spellings, among Electron\'s own arguments', () => {
    expect(parseLaunchArgs(['.', '--no-sandbox', '--kiosk', '--display', '2', '--profile', 'Control Room'])).toEqual({ kiosk: true, display: 2, profile: 'Control Room', problems: [] });
    expect(parseLaunchArgs(['--kiosk', '--display=3', '--profile=demo'])).toEqual({ kiosk: true, display: 3, profile: 'demo', problems: [] });
    expect(parseLaunchArgs(['/opt/Bintu Wall/bintu-wall', '--enable-logging'])).toEqual(none);
  });

  it('names what is given wrongly and ignores it', () => {
    expect(parseLaunchArgs(['--kiosk', '--display', 'left']).problems).toEqual(['--display needs a display number from 1 (got "left")']);
    expect(parseLaunchArgs(['--kiosk', '--display', '0'])).toMatchObject({ display: null, problems: ['--display needs a display number from 1 (got "0")'] });
    expect(parseLaunchArgs(['--profile', '--kiosk'])).toEqual({ ...none, kiosk: true, problems: ['--profile needs the name of a profile'] });
    expect(parseLaunchArgs(['--profile'])).toMatchObject({ profile: null, problems: ['--profile needs the name of a profile'] });
    expect(parseLaunchArgs(['--display', '2'])).toEqual({ ...none, display: 2, problems: ['--display chooses the kiosk display: it needs --kiosk as well'] });
  });

  it('takes a second start\'s arguments from the lock\'s data when they are there, as Chromium may reorder argv', () => {
    expect(handedOverArgs(['exe', '--display', '--kiosk', '2'], { argv: ['--kiosk', '--display', '2'] })).toEqual(['--kiosk', '--display', '2']);
    expect(handedOverArgs(['exe', '--kiosk'], null)).toEqual(['exe', '--kiosk']);
    expect(handedOverArgs(['exe', '--kiosk'], { argv: [1, 2] })).toEqual(['exe', '--kiosk']);
  });
});

/** A session with two profiles and a desktop with two displays, recording what is asked of them. */
function target() {
  const calls: string[] = [];
  const warnings: string[] = [];
  const value: LaunchTarget = {
    session: {
      view: async () => ({
        profiles: [{ id: 'demo', name: 'Demo', apiBase: 'http://127.0.0.1', credentialKind: 'apiKey', hasCredential: true }, { id: 'p-1', name: 'Control Room', apiBase: 'https://bintu.nanocosmos.de', credentialKind: 'apiKey', hasCredential: true }],
        activeProfileId: null,
        demo: false,
        keychain: { available: true, message: null },
      }) as never,
      activate: async (id: string) => {
        calls.push(`activate ${id}`);
        return {} as never;
      },
    },
    desktop: {
      displays: () => [{ id: 11, label: 'Left', primary: true }, { id: 22, label: 'Right', primary: false }],
      setKiosk: (on: boolean, displayId?: number) => void calls.push(`kiosk ${on} ${displayId}`),
    },
  };
  const log = { info: () => undefined, warn: (line: string) => void warnings.push(line), error: () => undefined };
  return { value, calls, warnings, log };
}

describe('applying a command line', () => {
  it('waits for the core, then switches the profile by name and enters kiosk on the chosen display', async () => {
    const { value, calls, log } = target();
    const requests = new LaunchRequests(log);
    requests.request(parseLaunchArgs(['--kiosk', '--display', '2', '--profile', 'control room']));
    await requests.settled();
    expect(calls).toEqual([]);
    requests.attach(value);
    await requests.settled();
    expect(calls).toEqual(['activate p-1', 'kiosk true 22']);
  });

  it('merges the requests made before the core was up, the later winning, and applies later ones in turn', async () => {
    const { value, calls, log } = target();
    const requests = new LaunchRequests(log);
    requests.request(parseLaunchArgs(['--profile', 'Demo', '--kiosk', '--display', '1']));
    requests.request(parseLaunchArgs(['--profile', 'Control Room']));
    requests.attach(value);
    requests.request(parseLaunchArgs(['--profile', 'Demo']));
    await requests.settled();
    expect(calls).toEqual(['activate p-1', 'kiosk true 11', 'activate demo']);
  });

  it('says so in the log when the profile or display does not exist, and keeps what it can', async () => {
    const { value, calls, warnings, log } = target();
    const requests = new LaunchRequests(log);
    requests.attach(value);
    requests.request(parseLaunchArgs(['--kiosk', '--display', '3', '--profile', 'Night shift']));
    await requests.settled();
    expect(calls).toEqual(['kiosk true undefined']);
    expect(warnings).toEqual([
      'command line: there is no profile named "Night shift"; the active profile stays',
      'command line: --display 3, but this computer has 2 display(s); kiosk uses the one the settings name',
    ]);
  });

  it('logs a failed profile switch and goes on with the next request', async () => {
    const { value, calls, warnings, log } = target();
    value.session.activate = async () => {
      throw new Error('No credential is stored for "Control Room".');
    };
    const requests = new LaunchRequests(log);
    requests.attach(value);
    requests.request(parseLaunchArgs(['--profile', 'Control Room']));
    requests.request(parseLaunchArgs(['--kiosk']));
    await requests.settled();
    expect(warnings).toEqual(['command line not applied: No credential is stored for "Control Room".']);
    expect(calls).toEqual(['kiosk true undefined']);
  });
});
