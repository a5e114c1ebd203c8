import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('an empty environment gives the embedded database and the defaults', () => {
    const config = loadConfig({});
    assert.equal(config.DATABASE_URL, undefined);
    assert.equal(config.DATA_DIR, './data');
    assert.equal(config.PORT, 3000);
    assert.equal(config.PUBLIC_URL, 'http://localhost:3000');
    assert.equal(config.SEED_DEMO, true);
  });

  it('PUBLIC_URL follows PORT unless set, without a trailing slash', () => {
    assert.equal(loadConfig({ PORT: '8080' }).PUBLIC_URL, 'http://localhost:8080');
    assert.equal(loadConfig({ PUBLIC_URL: 'https://shop.example/' }).PUBLIC_URL, 'https://shop.example');
  });

  it('staff sessions idle out after 30 minutes unless STAFF_IDLE_MINUTES says otherwise (1 to 720)', () => {
    assert.equal(loadConfig({}).STAFF_IDLE_MINUTES, 30);
    assert.equal(loadConfig({ STAFF_IDLE_MINUTES: '15' }).STAFF_IDLE_MINUTES, 15);
    for (const bad of ['0', '721', 'soon', '1.5']) {
      assert.throws(() => loadConfig({ STAFF_IDLE_MINUTES: bad }), /STAFF_IDLE_MINUTES/, bad);
    }
  });

  it('staff sessions end after 12 hours (STAFF_SESSION_HOURS, 1 to 24) and the sign-in code waits 5 minutes', () => {
    assert.equal(loadConfig({}).STAFF_SESSION_HOURS, 12);
    assert.equal(loadConfig({ STAFF_SESSION_HOURS: '8' }).STAFF_SESSION_HOURS, 8);
    assert.equal(loadConfig({}).STAFF_SECOND_STEP_MINUTES, 5);
    for (const bad of ['0', '25', 'long']) {
      assert.throws(() => loadConfig({ STAFF_SESSION_HOURS: bad }), /STAFF_SESSION_HOURS/, bad);
      assert.throws(
        () => loadConfig({ STAFF_SECOND_STEP_MINUTES: bad === '25' ? '31' : bad }),
        /STAFF_SECOND_STEP/,
      );
    }
  });

  it('an empty variable counts as unset', () => {
    assert.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT, 3000);
  });

  it('a wrong setting stops with a message naming every bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', APP_SECRET: 'short' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /PORT/);
        assert.match(error.message, /DATABASE_URL: must be a postgres:\/\/ connection string/);
        assert.match(error.message, /APP_SECRET: must be at least 32 characters/);
        return true;
      },
    );
  });
});

describe('several processes', () => {
  it('WEB_CONCURRENCY above 1 needs PostgreSQL: the embedded database belongs to one process', () => {
    assert.throws(
      () => loadConfig({ WEB_CONCURRENCY: '2' }),
      /WEB_CONCURRENCY: more than 1 process needs DATABASE_URL/,
    );
    assert.equal(
      loadConfig({ WEB_CONCURRENCY: '2', DATABASE_URL: 'postgres://localhost/shop' }).WEB_CONCURRENCY,
      2,
    );
  });
});
