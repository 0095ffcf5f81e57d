/**
 * What a request that never got an answer ("Failed to fetch") most likely ran into. The browser tells the page
 * nothing more, so the cause is read from where the page and the server are: a public site calling a model on
 * the student's computer or the school network is stopped by Chromium's Local Network Access rules (a
 * permission the user must grant; earlier, Private Network Access preflights) and, over plain http, by mixed
 * content blocking — not by the server's CORS setting, which is what people otherwise go and change.
 */
import { addressSpace, isPrivateNetworkRequest } from './address-space.ts';
import { hostOf, isLocalHost } from './base-url.ts';
import type { LlmError } from './llm-error.ts';
import { GENERIC_CORS_HINT, presetForBaseURL } from './model-presets.ts';

const RUN_LOCALLY = 'run Stepwise on this computer (npm start, then open http://localhost:5173)';

export function describeNetworkFailure(baseURL: string, pageOrigin: string | undefined): LlmError {
  const host = hostOf(baseURL);
  const preset = presetForBaseURL(baseURL);
  const origin = pageOrigin ?? "this page's origin";
  const cors = preset ? preset.corsHint(origin) : GENERIC_CORS_HINT(origin);
  const page = parse(pageOrigin);
  const target = parse(baseURL);

  if (page && target && isPrivateNetworkRequest(page.hostname, target.hostname)) {
    const where = addressSpace(target.hostname) === 'local' ? 'on this computer' : 'on a local network';
    const plainHttpTarget = target.protocol === 'http:' && !isLocalHost(target.hostname);
    if (page.protocol !== 'https:') {
      return {
        kind: 'network',
        message: `Could not reach ${host}: this page (${page.origin}) is a public site served over plain http, and the browser blocks such sites from reaching servers ${where} (private network access).`,
        hint: `Serve Stepwise over https (the browser can then ask to allow local network access), or ${RUN_LOCALLY}. ${cors}`,
      };
    }
    return {
      kind: 'network',
      message: `Could not reach ${host}: this page (${page.origin}) is a public site and ${host} is ${where}. The browser blocks such requests (private network access${plainHttpTarget ? ', and mixed content: an https page calling a plain-http server' : ''}) unless you allow this site to access your local network.`,
      hint: `Allow "local network access" when the browser asks (or in this site's settings, the icon left of the address), or ${RUN_LOCALLY}, or give the server an https address the page can reach. A school can allow this site for everyone (Chrome policy LocalNetworkAccessAllowedForUrls). The server must also accept this page: ${cors}`,
    };
  }
  if (page?.protocol === 'https:' && target?.protocol === 'http:' && !isLocalHost(target.hostname)) {
    return {
      kind: 'network',
      message: `Could not reach ${host}: this page is served over https and the browser blocks plain-http servers (mixed content).`,
      hint: `Use an https:// address for the server, or ${RUN_LOCALLY} to reach it over http.`,
    };
  }
  return {
    kind: 'network',
    message: `Could not reach ${host}. The server is not running, not reachable, or blocks requests from this page (CORS).`,
    hint: cors,
  };
}

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
