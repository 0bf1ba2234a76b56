declare const __BORNE_VERSION__: string | undefined;

/** Injected from package.json by the bundler and the test runner. */
export const BORNE_VERSION: string =
  typeof __BORNE_VERSION__ === 'string' ? __BORNE_VERSION__ : '0.0.0-dev';
