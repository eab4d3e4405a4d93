import { browser } from 'wxt/browser';
import type { Environment } from '../capture/metadata';

interface UserAgentBrand {
  brand: string;
  version: string;
}

/** Browser, OS and extension version for the capture metadata. */
export async function readEnvironment(): Promise<Environment> {
  const platform = await browser.runtime.getPlatformInfo();
  const extensionVersion = browser.runtime.getManifest().version;
  const userAgent = navigator.userAgent;
  const { name, version } = await browserNameAndVersion(userAgent);
  return {
    browserName: name,
    browserVersion: version,
    os: `${platform.os} (${platform.arch})`,
    extensionVersion,
    userAgent,
  };
}

async function browserNameAndVersion(userAgent: string): Promise<{ name: string; version: string }> {
  const runtime = browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  if (runtime.getBrowserInfo) return runtime.getBrowserInfo();
  const uaData = (
    navigator as {
      userAgentData?: { getHighEntropyValues(h: string[]): Promise<{ fullVersionList?: UserAgentBrand[] }> };
    }
  ).userAgentData;
  const brands = (await uaData?.getHighEntropyValues(['fullVersionList']))?.fullVersionList ?? [];
  const real =
    brands.find((b) => !/not.?a.?brand/i.test(b.brand) && b.brand !== 'Chromium') ??
    brands.find((b) => b.brand === 'Chromium');
  if (real) return { name: real.brand, version: real.version };
  const match = /(Chrome|Chromium|Firefox)\/([\d.]+)/.exec(userAgent);
  return { name: match?.[1] ?? 'unknown', version: match?.[2] ?? 'unknown' };
}
