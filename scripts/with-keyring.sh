#!/usr/bin/env bash
# Runs a command with a working Secret Service: a private D-Bus session bus, a gnome-keyring-daemon
# on it, and a throwaway login keyring unlocked without a prompt. CI and the keychain tests use it;
# it never touches the user's own keyrings, which live elsewhere and stay as they are.
#
#   scripts/with-keyring.sh npm test
#
# Needs the Debian packages dbus (dbus-run-session, dbus-send), gnome-keyring and libsecret-tools;
# `.ci/run` installs them.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

if [[ "${WITH_KEYRING_INSIDE:-}" != "1" ]]; then
  for tool in dbus-run-session dbus-send gnome-keyring-daemon secret-tool; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "with-keyring: '$tool' is missing; install it with: apt-get install dbus gnome-keyring libsecret-tools" >&2
      exit 127
    fi
  done
  # dbus-run-session starts a private session bus, runs this script again inside it and stops the
  # bus afterwards; the keyring daemon exits with the bus. The bus daemon's notice that it cannot
  # raise its file limit (usual in containers) is noise and is filtered out.
  WITH_KEYRING_INSIDE=1 exec dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@" \
    2> >(grep -v --line-buffered 'Failed to set fd limit' >&2)
fi
unset WITH_KEYRING_INSIDE

# The daemon keeps its keyrings and control socket in directories of its own, so a developer's real
# login keyring (under ~/.local/share/keyrings and /run/user/UID) is never opened or unlocked.
keyring_home="$(mktemp -d "${TMPDIR:-/tmp}/with-keyring.XXXXXX")"
chmod 700 "$keyring_home"
mkdir -m 700 "$keyring_home/data" "$keyring_home/runtime"
cleanup() { rm -rf "$keyring_home"; }
trap cleanup EXIT

# A fresh random password: the keyring is thrown away afterwards, nobody needs to know it.
password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"

# `--unlock` reads the password on stdin, creates the login keyring with it when there is none,
# unlocks it and prints the variables clients use to find the daemon (GNOME_KEYRING_CONTROL, ...).
daemon_env="$(printf '%s' "$password" |
  XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/runtime" \
    gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
unset password
while IFS= read -r line; do
  if [[ "$line" == *=* ]]; then export "${line?}"; fi
done <<<"$daemon_env"
# Clients look for the control socket under XDG_RUNTIME_DIR, where it printed nothing to export.
export GNOME_KEYRING_CONTROL="${GNOME_KEYRING_CONTROL:-$keyring_home/runtime/keyring}"

# The daemon forks and claims its bus name a moment later. Asking before then would make the bus
# auto-start a second daemon that knows nothing of our unlocked keyring, so wait for the name.
owned=false
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
    owned=true
    break
  fi
  sleep 0.1
done
if [[ "$owned" != true ]]; then
  echo "with-keyring: gnome-keyring-daemon did not register the Secret Service within 10 s" >&2
  exit 1
fi

# Prove the Secret Service answers before running anything: store, look up and clear an item.
probe_value="with-keyring-$$-$RANDOM"
if ! printf '%s' "$probe_value" | secret-tool store --label='with-keyring probe' service bintu-wall-with-keyring check "$$"; then
  echo "with-keyring: the Secret Service refused to store an item" >&2
  exit 1
fi
found="$(secret-tool lookup service bintu-wall-with-keyring check "$$" || true)"
secret-tool clear service bintu-wall-with-keyring check "$$" || true
if [[ "$found" != "$probe_value" ]]; then
  echo "with-keyring: the Secret Service did not return the item it stored" >&2
  exit 1
fi
echo "with-keyring: Secret Service ready on a private D-Bus session (gnome-keyring, unlocked)" >&2

# Not `exec`: the EXIT trap must still remove the throwaway keyring when the command finishes.
"$@"
