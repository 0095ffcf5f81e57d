import { describe, expect, it } from 'vitest';
import { addressSpace, isPrivateNetworkRequest } from './address-space.ts';

describe('addressSpace', () => {
  it('tells this computer, private networks and the internet apart', () => {
    for (const h of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '0.0.0.0', 'LOCALHOST.']) expect(addressSpace(h), h).toBe('local');
    for (const h of ['10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.20', '169.254.1.1', '100.64.0.1', '[fd00::1]', '[fe80::1]', 'gpu-box', 'ollama.local', 'ai.school.internal', 'printer.home.arpa', '[::ffff:192.168.0.1]'])
      expect(addressSpace(h), h).toBe('private');
    for (const h of ['8.8.8.8', '172.32.0.1', '172.15.0.1', '192.169.0.1', 'api.openai.com', 'tutor.example', '[2001:db8::1]', '[::ffff:8.8.8.8]'])
      expect(addressSpace(h), h).toBe('public');
  });

  it('flags only requests into a more private network than the page', () => {
    expect(isPrivateNetworkRequest('tutor.example', 'localhost')).toBe(true);
    expect(isPrivateNetworkRequest('tutor.example', '192.168.1.2')).toBe(true);
    expect(isPrivateNetworkRequest('192.168.1.5', 'localhost')).toBe(true);
    expect(isPrivateNetworkRequest('192.168.1.5', '10.0.0.2')).toBe(false);
    expect(isPrivateNetworkRequest('localhost', '127.0.0.1')).toBe(false);
    expect(isPrivateNetworkRequest('127.0.0.1', '192.168.1.2')).toBe(false);
    expect(isPrivateNetworkRequest('tutor.example', 'api.openai.com')).toBe(false);
  });
});
