/**
 * The two ways Borne reaches HID readers: node-hid on real hardware (hidraw
 * on Linux), and a recording replayed through the same decoding path, with
 * the device unplugged and plugged back when the recording says so.
 */
import type { HidRecording } from './hid-recording.js';
import type { HidBackend, HidHandle, HidListing } from './hid-reader.js';

/** node-hid, loaded only when a reader is configured (it needs libusb and hidraw). */
export async function nodeHidBackend(): Promise<HidBackend> {
  const hid = await import('node-hid');
  return {
    list: async () =>
      (await hid.devicesAsync()).flatMap((device) =>
        device.path
          ? [
              {
                path: device.path,
                vendorId: device.vendorId,
                productId: device.productId,
                usagePage: device.usagePage ?? 0,
                usage: device.usage ?? 0,
                product: device.product ?? '',
              },
            ]
          : [],
      ),
    open: async (path) => {
      const device = await hid.HIDAsync.open(path);
      return {
        onReport: (listener) => device.on('data', (data: Buffer) => listener(new Uint8Array(data))),
        onError: (listener) => device.on('error', (error: Error) => listener(error)),
        close: () => void device.close().catch(() => undefined),
      };
    },
  };
}

/** Replays a recording; `speed` 10 plays it ten times faster. */
export function recordingBackend(
  recording: HidRecording,
  speed = 1,
): HidBackend & { done: Promise<void> } {
  const path = '/dev/hidraw-simulated';
  let plugged = true;
  const handles = new Set<{ report: (r: Uint8Array) => void; error: (e: Error) => void }>();
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const last = Math.max(0, ...recording.events.map((event) => event.atMs));
  let playing = false;
  // The recording starts when the reader first opens the device.
  const play = () => {
    playing = true;
    for (const event of recording.events) {
      setTimeout(() => {
        if ('unplug' in event) {
          plugged = false;
          for (const handle of handles) handle.error(new Error('device disconnected'));
          handles.clear();
        } else if ('plug' in event) plugged = true;
        else if (plugged) {
          for (const handle of handles) handle.report(Buffer.from(event.report, 'hex'));
        }
      }, event.atMs / speed);
    }
    setTimeout(() => finish(), last / speed + 5);
  };
  const listing: HidListing = { path, ...recording.device };
  return {
    done,
    list: () => Promise.resolve(plugged ? [listing] : []),
    open: (openPath) => {
      if (!plugged || openPath !== path)
        return Promise.reject(new Error(`cannot open device with path ${openPath}`));
      const listeners = { report: (_r: Uint8Array) => {}, error: (_e: Error) => {} };
      handles.add(listeners);
      if (!playing) play();
      const handle: HidHandle = {
        onReport: (listener) => (listeners.report = listener),
        onError: (listener) => (listeners.error = listener),
        close: () => handles.delete(listeners),
      };
      return Promise.resolve(handle);
    },
  };
}
