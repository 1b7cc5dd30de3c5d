import { describe, expect, it } from 'vitest';
import { isAllowedAddress, webhookUrlProblem } from './webhook-url';

const AWS = { allowLoopback: false };
const LOCAL = { allowLoopback: true };

describe('the SSRF guard of webhooks', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '::1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // the instance metadata service
    '100.64.0.1', // carrier-grade NAT
    '0.0.0.0',
    '::',
    'fc00::1',
    'fe80::1',
    '::ffff:10.0.0.1', // an IPv4-mapped private address is that address
    '::ffff:127.0.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.10', // documentation range
  ])('refuses %s in AWS', (address) => {
    expect(isAllowedAddress(address, AWS)).toBe(false);
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])(
    'allows the public address %s',
    (address) => {
      expect(isAllowedAddress(address, AWS)).toBe(true);
    },
  );

  it('allows loopback only on the local stack, and never a private network there either', () => {
    expect(isAllowedAddress('127.0.0.1', LOCAL)).toBe(true);
    expect(isAllowedAddress('::1', LOCAL)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', LOCAL)).toBe(false);
    expect(isAllowedAddress('169.254.169.254', LOCAL)).toBe(false);
  });

  it('refuses what is not an address at all', () => {
    expect(isAllowedAddress('example.org', AWS)).toBe(false);
    expect(isAllowedAddress('', AWS)).toBe(false);
  });

  it.each([
    ['http://hooks.example.org/in', 'the webhook URL must use https'],
    ['ftp://hooks.example.org/in', 'the webhook URL must use https'],
    ['https://user:pw@hooks.example.org/in', 'the webhook URL must not carry credentials'],
    ['https://hooks.example.org/in#x', 'the webhook URL must not carry a fragment'],
    ['https://169.254.169.254/latest/meta-data', 'the webhook URL names a private address'],
    ['https://[::1]/in', 'the webhook URL names a private address'],
    ['https://[::ffff:a00:1]/in', 'the webhook URL names a private address'],
    ['https://localhost/in', 'the webhook URL names a private address'],
    ['https://metadata.google.internal/in', 'the webhook URL names a private address'],
    ['https://0x7f.1/in', 'the webhook URL names a private address'],
    ['https://2130706433/in', 'the webhook URL names a private address'],
    ['hooks.example.org/in', 'the webhook URL is not a valid absolute URL'],
    [`https://hooks.example.org/${'a'.repeat(2048)}`, 'the webhook URL is longer than 2048 characters'],
  ])('refuses %s in AWS: %s', (url, problem) => {
    expect(webhookUrlProblem(url, AWS)).toBe(problem);
  });

  it('accepts an https URL with a public name or address, and http on loopback locally', () => {
    expect(webhookUrlProblem('https://hooks.example.org/tlc?x=1', AWS)).toBeNull();
    expect(webhookUrlProblem('https://93.184.216.34:8443/in', AWS)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4567/in', LOCAL)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4567/in', AWS)).toBe('the webhook URL must use https');
    expect(webhookUrlProblem('http://10.0.0.2/in', LOCAL)).toBe('the webhook URL names a private address');
  });
});
