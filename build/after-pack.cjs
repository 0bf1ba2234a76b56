// electron-builder afterPack hook: flips Electron's fuses in the packaged
// binary, before it is signed or put in the .deb. Each fuse closes a way to
// run code other than Borne's own, signed app.asar.
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

const fuseConfig = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the kiosk binary into a plain Node.js.
  [FuseV1Options.RunAsNode]: false,
  // Cookies encrypted at rest with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload any script into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would open a debugger port on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging time.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose app/ folder put next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packaged Electron binary electron-builder just laid out. */
function executablePath(context) {
  const name = context.packager.executableName ?? context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, name);
}

async function afterPack(context) {
  await flipFuses(executablePath(context), fuseConfig);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
