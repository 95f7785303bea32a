// @ts-check
// Whether the extension may read the sites it coaches on. Firefox (142+) grants the host
// permissions of the manifest at install, but a user can switch that off (about:addons →
// Reply Coach → Permissions, or the install prompt's default); the content script then
// never runs and the coach is silently absent. The popup asks here and says so.

function api() {
  return globalThis.browser ?? globalThis.chrome;
}

/**
 * The manifest's host permissions that are not granted now.
 * @returns {Promise<string[]>}
 */
export async function missingHostAccess() {
  const ext = api();
  const wanted = ext.runtime.getManifest().host_permissions ?? [];
  /** @type {string[]} */
  const missing = [];
  for (const origin of wanted) {
    if (!(await ext.permissions.contains({ origins: [origin] }))) missing.push(origin);
  }
  return missing;
}

/**
 * Asks the user for the missing host permissions (must run in a click handler).
 * @param {string[]} origins
 * @returns {Promise<boolean>}
 */
export function requestHostAccess(origins) {
  return api().permissions.request({ origins });
}

/** @param {string[]} origins @returns {string[]} the sites, for the message: "x.com", "facebook.com" */
export function siteNames(origins) {
  const names = origins.map((o) => o.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '').replace(/^(www|m|web|mobile)\./, ''));
  return [...new Set(names)];
}
