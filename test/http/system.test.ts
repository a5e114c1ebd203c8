import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';

describe('system routes', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('health names the database kind, the migration level and the mail queue', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    const body = json<{
      database: { kind: string; migrations: { applied: number; latest: string } };
      queue: { delivery: string };
    }>(res);
    assert.equal(body.database.kind, process.env.DATABASE_URL ? 'postgres' : 'pglite');
    assert.ok(body.database.migrations.applied >= 1);
    assert.match(body.database.migrations.latest, /^\d{4}_/);
    assert.equal(body.queue.delivery, 'outbox');
  });

  it('OpenAPI is served at /api/docs/json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    assert.equal(json<{ openapi: string }>(res).openapi.startsWith('3.'), true);
  });

  it('an unknown API route is a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    assert.equal(res.statusCode, 404);
    assert.equal(json<{ error: { code: string } }>(res).error.code, 'not_found');
  });

  it('malformed JSON is a 400 naming the problem, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<{ error: { code: string } }>(res).error.code, 'validation_failed');
  });

  it('a write from another site is refused (CSRF defence)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: { email: 'a@b.co', password: 'x' },
    });
    assert.equal(res.statusCode, 403);
  });
});
