import { browser } from 'wxt/browser';

/**
 * Asks the browser, at the moment a person turns a feature on, for access to these origins alone
 * (optional_host_permissions): the trusted timestamps' authorities (issue #20). True when granted.
 */
export async function requestOrigins(origins: readonly string[]): Promise<boolean> {
  if (origins.length === 0) return true;
  return browser.permissions.request({ origins: [...origins] }).catch(() => false);
}
