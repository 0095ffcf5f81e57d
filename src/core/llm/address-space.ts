/**
 * Which network a host is on, as Chromium's Private Network Access / Local Network Access rules see it: a page
 * may not call a server on a more private network than its own (a public site calling a model on the student's
 * computer or the school's LAN) unless the browser and the server both allow it. From the host name alone, so
 * names that only resolve inside a network (`gpu-box`, `ollama.local`) count as private: a guess, but the one
 * that gives the right advice when such a request fails.
 */
import { isLocalHost } from './base-url.ts';

export type AddressSpace = 'local' | 'private' | 'public';

const RANK: Record<AddressSpace, number> = { public: 0, private: 1, local: 2 };

/** Top-level names that never resolve on the public internet. */
const PRIVATE_SUFFIX = /\.(?:local|lan|home|internal|intranet|corp|home\.arpa)$/;

export function addressSpace(hostname: string): AddressSpace {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (isLocalHost(h) || h === '0.0.0.0' || h === '::') return 'local';
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(h);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    const isPrivate =
      a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
    return isPrivate ? 'private' : 'public';
  }
  if (h.includes(':')) {
    // IPv6: unique-local fc00::/7 and link-local fe80::/10; an IPv4-mapped address is judged as IPv4.
    const mapped = /^::ffff:(?:(\d{1,3}(?:\.\d{1,3}){3})|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(h);
    if (mapped) return addressSpace(mapped[1] ?? dotted(mapped[2] ?? '0', mapped[3] ?? '0'));
    return /^f[cd]|^fe[89ab]/.test(h) ? 'private' : 'public';
  }
  if (!h.includes('.') || PRIVATE_SUFFIX.test(h)) return 'private';
  return 'public';
}

/** True when a page on `pageHost` calling `targetHost` is a request into a more private network. */
export function isPrivateNetworkRequest(pageHost: string, targetHost: string): boolean {
  return RANK[addressSpace(targetHost)] > RANK[addressSpace(pageHost)];
}

/** `c0a8:1` (how URL writes ::ffff:192.168.0.1) as 192.168.0.1. */
function dotted(high: string, low: string): string {
  const a = parseInt(high, 16);
  const b = parseInt(low, 16);
  return [a >> 8, a & 255, b >> 8, b & 255].join('.');
}
