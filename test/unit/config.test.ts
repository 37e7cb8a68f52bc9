import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config/config.ts';
import { exposureWarnings } from '../../server/config/exposure.ts';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', logLevel: 'info' });
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.adminToken).toBeUndefined();
    expect(config.limits.maxMessageBytes).toBe(4 * 1024 * 1024);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/ideamill',
      PUBLIC_URL: 'https://ideamill.example.org/',
      ADMIN_TOKEN: 'a-long-enough-operator-token',
      METRICS_TOKEN: 'a-long-enough-scraper-token',
      MAX_MESSAGE_BYTES: '1048576',
      IDLE_UNLOAD_MS: '5000',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/ideamill',
      publicUrl: 'https://ideamill.example.org',
      adminToken: 'a-long-enough-operator-token',
      metricsToken: 'a-long-enough-scraper-token',
      idleUnloadMs: 5000,
    });
    expect(config.limits.maxMessageBytes).toBe(1048576);
  });

  it('names every bad value in one clear error', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        PUBLIC_URL: 'not a url',
        LOG_LEVEL: 'loud',
        ADMIN_TOKEN: 'short',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'PUBLIC_URL', 'LOG_LEVEL', 'ADMIN_TOKEN']) {
        expect(message).toContain(name);
      }
    }
  });

  it.each([
    ['PORT', ' '],
    ['PORT', '0x10'],
    ['PORT', '1e3'],
    ['PRESENCE_FLUSH_MS', '\t'],
    ['MAX_MESSAGE_BYTES', '4194304.0'],
    ['UPDATE_RATE_PER_SEC', '+5'],
    ['PUBLIC_URL', 'javascript:alert(1)'],
    ['PUBLIC_URL', 'ftp://ideamill.example.org'],
    ['PUBLIC_URL', 'https://ideamill.example.org/?from=mail'],
    ['PUBLIC_URL', 'https://ideamill.example.org/#top'],
    // The page loads /assets/ and calls /api/ from the root: a path would make broken links.
    ['PUBLIC_URL', 'https://example.org/ideamill/'],
    // A user name and password would be in every board link (operator QA).
    ['PUBLIC_URL', 'http://user:pw@ideamill.example.org'],
    ['ADMIN_TOKEN', 'has spaces in it 1234'],
    ['METRICS_TOKEN', 'short'],
    ['CREATE_TOKEN', 'short'],
    ['HOST', ' '],
    // A directory named two spaces was made and served from (operator QA).
    ['DATA_DIR', '  '],
    // curl sent it as UTF-8 and was refused; Node's fetch got in (operator QA).
    ['ADMIN_TOKEN', 'ünïcödé-tökén-ääää'],
  ])('refuses %s=%j, naming it, rather than reading it as something else', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      expect.objectContaining({ name: 'Error', message: expect.stringContaining(`${name}: `) }),
    );
  });

  it('says what a number out of range or an unknown log level should be, in words (operator QA)', () => {
    expect(() => loadConfig({ PORT: '99999' })).toThrow('PORT: must be at most 65535');
    expect(() => loadConfig({ TRUST_PROXY: '101' })).toThrow('TRUST_PROXY: must be at most 100');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('takes whole numbers with surrounding spaces, and a PUBLIC_URL ending in a slash', () => {
    expect(loadConfig({ PORT: ' 8080 ', PUBLIC_URL: 'https://example.org:8443/' })).toMatchObject({
      port: 8080,
      publicUrl: 'https://example.org:8443',
    });
  });

  it('FRAME_ANCESTORS: origins separated by spaces, none by default', () => {
    expect(loadConfig({}).frameAncestors).toEqual([]);
    expect(
      loadConfig({ FRAME_ANCESTORS: ' https://intranet.example.org http://*.example.com:8080 ' })
        .frameAncestors,
    ).toEqual(['https://intranet.example.org', 'http://*.example.com:8080']);
    for (const bad of ["'self'", 'https://example.org/board', 'intranet.example.org', '*']) {
      expect(() => loadConfig({ FRAME_ANCESTORS: bad })).toThrow(/FRAME_ANCESTORS must be origins/);
    }
  });

  it('TRUST_PROXY: true is the one proxy in front, a number is that many', () => {
    expect(loadConfig({}).trustProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxyHops).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxyHops).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(
      /TRUST_PROXY: TRUST_PROXY must be true \(one proxy in front\), false, or how many/,
    );
  });

  it('refuses a CREATE_TOKEN that is the ADMIN_TOKEN: facilitators would hold the operator’s', () => {
    const token = 'one-token-for-everything-0123';
    expect(() => loadConfig({ ADMIN_TOKEN: token, CREATE_TOKEN: token })).toThrow(
      /CREATE_TOKEN: CREATE_TOKEN must differ from ADMIN_TOKEN/,
    );
    expect(
      loadConfig({ ADMIN_TOKEN: token, CREATE_TOKEN: 'facilitators-token-0123' }),
    ).toMatchObject({ adminToken: token, createToken: 'facilitators-token-0123' });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', ADMIN_TOKEN: '' })).toMatchObject({
      port: 3000,
      adminToken: undefined,
    });
  });
});

describe('what an operator left open, said at start', () => {
  const warnings = (env: Record<string, string>) => exposureWarnings(loadConfig(env));

  it('on a reachable address: board creation, /metrics, and TRUST_PROXY without a loopback HOST', () => {
    expect(warnings({ TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(
        /^Anyone who can reach 0\.0\.0\.0:3000 can create boards: set CREATE_TOKEN .* ADMIN_TOKEN/,
      ),
      expect.stringMatching(/^\/metrics is open .*set METRICS_TOKEN/),
      expect.stringMatching(/^TRUST_PROXY is set while .*HOST=127\.0\.0\.1/),
    ]);
    const closed = {
      ADMIN_TOKEN: 'a-long-enough-admin-token-0123',
      METRICS_TOKEN: 'a-long-enough-metrics-token-0123',
    };
    expect(warnings(closed)).toEqual([]);
    const closedToFacilitators = {
      ...closed,
      ADMIN_TOKEN: '',
      CREATE_TOKEN: 'facilitators-0123456',
    };
    expect(warnings(closedToFacilitators)).toEqual([]);
  });

  it('names the port the server listens on (PORT=0 lets the system choose) and brackets IPv6 (operator QA)', () => {
    const open = { METRICS_TOKEN: 'a-long-enough-metrics-token-0123' };
    expect(exposureWarnings(loadConfig({ ...open, PORT: '0' }), 33081)).toEqual([
      expect.stringMatching(/^Anyone who can reach 0\.0\.0\.0:33081 can create boards/),
    ]);
    expect(exposureWarnings(loadConfig({ ...open, HOST: '::' }), 3000)).toEqual([
      expect.stringMatching(/^Anyone who can reach \[::\]:3000 can create boards/),
    ]);
  });

  it('nothing on loopback, where only this machine can reach it', () => {
    expect(warnings({ HOST: '127.0.0.1', TRUST_PROXY: 'true' })).toEqual([]);
  });
});
