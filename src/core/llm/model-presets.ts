import { isLocalHost } from './base-url.ts';

export type PresetId = 'openai' | 'openrouter' | 'ollama' | 'lmstudio' | 'vllm' | 'llamacpp';

export interface ModelPreset {
  id: PresetId;
  label: string;
  baseURL: string;
  /** Whether the server refuses requests without an API key. */
  needsKey: boolean;
  /** Where to get a key, shown next to the key field and in "wrong key" errors. */
  keyHint: string;
  /** A model id to suggest before the user has listed the server's models. */
  exampleModel: string;
  /** What to change on the server when the browser blocks its responses (CORS), for a page at `origin`. */
  corsHint: (origin: string) => string;
  /** How to get a missing model onto this server. */
  modelHint: string;
}

export const MODEL_PRESETS: readonly ModelPreset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    needsKey: true,
    keyHint: 'Create a key at https://platform.openai.com/api-keys and paste it into Settings.',
    exampleModel: 'gpt-4o-mini',
    corsHint: () =>
      'OpenAI accepts requests from web pages, so this is usually the network: check your connection, a proxy or firewall, or a browser extension blocking api.openai.com.',
    modelHint: 'Use "Test connection" to list the models your key can use.',
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    needsKey: true,
    keyHint: 'Create a key at https://openrouter.ai/settings/keys and paste it into Settings.',
    exampleModel: 'openai/gpt-4o-mini',
    corsHint: () =>
      'OpenRouter accepts requests from web pages, so this is usually the network: check your connection, a proxy or firewall, or a browser extension blocking openrouter.ai.',
    modelHint: 'OpenRouter model ids look like "openai/gpt-4o-mini"; use "Test connection" to list them.',
  },
  {
    id: 'ollama',
    label: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    needsKey: false,
    keyHint: 'Ollama needs no key; leave the field empty.',
    exampleModel: 'qwen2.5:7b',
    corsHint: (origin) =>
      `Ollama only answers web pages it trusts. Make sure it is running, then allow this page: set OLLAMA_ORIGINS="${origin}" in the environment Ollama starts with (e.g. OLLAMA_ORIGINS="${origin}" ollama serve; on macOS: launchctl setenv OLLAMA_ORIGINS "${origin}") and restart Ollama.`,
    modelHint: 'Download the model first, e.g. "ollama pull qwen2.5:7b", or pick one that "ollama list" shows.',
  },
  {
    id: 'lmstudio',
    label: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    needsKey: false,
    keyHint: 'LM Studio needs no key; leave the field empty.',
    exampleModel: 'qwen2.5-7b-instruct',
    corsHint: () =>
      'Make sure LM Studio\'s local server is started (Developer tab → Status: Running) and turn on "Enable CORS" in its server settings (or start it with "lms server start --cors").',
    modelHint: 'Download and load the model in LM Studio, then use "Test connection" to see its id.',
  },
  {
    id: 'vllm',
    label: 'vLLM',
    baseURL: 'http://localhost:8000/v1',
    needsKey: false,
    keyHint: 'vLLM needs a key only if it was started with --api-key; then enter that value.',
    exampleModel: 'Qwen/Qwen2.5-7B-Instruct',
    corsHint: (origin) =>
      `Make sure "vllm serve" is running on this port. vLLM allows all origins unless started with --allowed-origins; if so, include this page: --allowed-origins '["${origin}"]'.`,
    modelHint: 'vLLM serves only the model it was started with ("vllm serve <model>"); use that id.',
  },
  {
    id: 'llamacpp',
    label: 'llama.cpp server',
    baseURL: 'http://localhost:8080/v1',
    needsKey: false,
    keyHint: 'llama-server needs a key only if it was started with --api-key; then enter that value.',
    exampleModel: 'default',
    corsHint: () =>
      'Make sure llama-server is running on this port (e.g. "llama-server -m model.gguf --port 8080"); it accepts requests from web pages by default.',
    modelHint: 'llama-server serves the model it was started with ("-m model.gguf"); any model name works.',
  },
];

export function findPreset(id: string): ModelPreset | undefined {
  return MODEL_PRESETS.find((p) => p.id === id);
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };
/** Ports only Ollama and LM Studio use, so they identify the server on another machine too; 8000/8080 do not. */
const DISTINCTIVE_PORTS = new Set(['11434', '1234']);

/** The preset whose server this base URL points at: same host, or a local server's port. */
export function presetForBaseURL(baseURL: string): ModelPreset | undefined {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return undefined;
  }
  const port = url.port || DEFAULT_PORTS[url.protocol] || '';
  return MODEL_PRESETS.find((p) => {
    const presetUrl = new URL(p.baseURL);
    if (isLocalHost(presetUrl.hostname)) {
      return presetUrl.port === port && (isLocalHost(url.hostname) || DISTINCTIVE_PORTS.has(port));
    }
    return presetUrl.hostname === url.hostname.toLowerCase();
  });
}

/** CORS advice for servers without a preset. */
export const GENERIC_CORS_HINT = (origin: string) =>
  `Make sure the server is running at this address. If it is, it must allow requests from this page: its CORS setting must allow the origin ${origin} and the Authorization and Content-Type headers.`;
