#!/bin/sh
# Turns a Debian 12 / Ubuntu machine with the Borne .deb installed into a kiosk:
# a dedicated user with no shell and no password, cage, the systemd unit on
# tty1 instead of a login prompt, and /etc/borne/config.json.
# Run as root from this folder: sh install-kiosk-session.sh
set -eu
here=$(dirname "$0")

apt-get install -y --no-install-recommends cage libusb-1.0-0 espeak-ng

if ! id borne-kiosk >/dev/null 2>&1; then
  useradd --system --create-home --home-dir /var/lib/borne-kiosk \
    --shell /usr/sbin/nologin --groups video,input,render borne-kiosk
  passwd --lock borne-kiosk
fi
# Receipt printers: USB ones through usblp (/dev/usb/lp*, group lp), serial ones
# through /dev/ttyS* and USB-serial adapters (group dialout).
usermod --append --groups lp,dialout,plugdev borne-kiosk
# USB scanners through SANE (group scanner, made by Debian's libsane1).
getent group scanner >/dev/null && usermod --append --groups scanner borne-kiosk
# Card and code readers through hidraw (see the rules file for brands).
install -m 0644 "$here/../udev/60-borne-readers.rules" /etc/udev/rules.d/60-borne-readers.rules
udevadm control --reload && udevadm trigger --subsystem-match=hidraw || true

install -d -m 0755 /etc/borne
[ -f /etc/borne/config.json ] || install -m 0644 "$here/../config.example.json" /etc/borne/config.json
# The example configuration's receipt logo, relative to the configuration file.
install -d -m 0755 /etc/borne/receipt
[ -f /etc/borne/receipt/logo-exemple.png ] ||
  install -m 0644 "$here/../receipt/logo-exemple.png" /etc/borne/receipt/logo-exemple.png

install -m 0644 "$here/borne-kiosk.service" /etc/systemd/system/borne-kiosk.service
systemctl daemon-reload
systemctl disable getty@tty1.service || true
systemctl set-default graphical.target
systemctl enable borne-kiosk.service
echo "Borne kiosk session installed: reboot, or: systemctl start borne-kiosk"
