import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, useTestDatabase } from '@cartera/testing';
import request from 'supertest';
import { signDevToken } from './auth/dev-token';
import { createApp } from './bootstrap';
import { ConfigError } from './config/load-config';
import { SampleAppModule } from './testing/sample-app.fixture';

const quiet = { NODE_ENV: 'test', LOG_LEVEL: 'silent' };

describe('platform over HTTP (sample app, real PostgreSQL)', () => {
  const db = useTestDatabase();
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const bearer = async (options: Parameters<typeof signDevToken>[0]) =>
    `Bearer ${await signDevToken(options)}`;

  beforeAll(async () => {
    app = await createApp(SampleAppModule, { env: { ...quiet, DATABASE_URL: db().url } });
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('authentication: 401 problem+json', () => {
    const expect401 = async (authorization: string | undefined, detail: RegExp) => {
      const req = http().get('/sample/me');
      const res = await (authorization ? req.set('Authorization', authorization) : req);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).toMatchObject({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        instance: '/sample/me',
      });
      expect(res.body.detail).toMatch(detail);
    };

    it('without a token', () => expect401(undefined, /bearer token is required/));
    it('with another scheme', () => expect401('Basic YWxpY2U6c2VjcmV0', /bearer token is required/));
    it('with an expired token', async () =>
      expect401(await bearer({ roles: ['agent'], ttl: '-1m' }), /expired/));
    it('with a tampered token (payload changed, signature kept)', async () => {
      const [header, , signature] = (await signDevToken({ roles: ['agent'] })).split('.');
      const forged = Buffer.from(
        JSON.stringify({
          sub: 'mallory',
          roles: ['admin'],
          iss: 'cartera-dev',
          aud: 'cartera-api',
          exp: 9_999_999_999,
        }),
      ).toString('base64url');
      await expect401(`Bearer ${header}.${forged}.${signature}`, /signature/);
    });
    it('with a token signed by another key', async () =>
      expect401(await bearer({ roles: ['agent'], secret: 'x'.repeat(40) }), /signature/));
    it('with a wrong audience', async () =>
      expect401(await bearer({ roles: ['agent'], audience: 'someone-else' }), /"aud"/));
    it('with a wrong issuer', async () =>
      expect401(await bearer({ roles: ['agent'], issuer: 'evil' }), /"iss"/));
  });

  describe('authorisation', () => {
    it('wrong role → 403 problem+json', async () => {
      const res = await http()
        .get('/sample/me')
        .set('Authorization', await bearer({ roles: ['analyst'] }));
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 403,
        title: 'Forbidden',
        detail: 'Requires one of the roles: agent',
      });
    });

    it('right role → 200 with the actor from the token', async () => {
      const res = await http()
        .get('/sample/me')
        .set('Authorization', await bearer({ roles: ['agent'], sub: 'alice', creditors: ['c1'] }));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ kind: 'user', id: 'alice', roles: ['agent'], creditors: ['c1'] });
    });

    it('admin passes every role check', async () => {
      const res = await http()
        .get('/sample/me')
        .set('Authorization', await bearer({ roles: ['admin'], sub: 'root' }));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ kind: 'user', id: 'root', roles: ['admin'] });
    });

    it('creditors claim scopes data: another creditor → 403, own → 200, no claim → 200', async () => {
      const scoped = await bearer({ roles: ['agent'], creditors: ['c1'] });
      expect((await http().get('/sample/creditors/c2').set('Authorization', scoped)).status).toBe(403);
      expect((await http().get('/sample/creditors/c1').set('Authorization', scoped)).body).toEqual({
        creditorId: 'c1',
      });
      expect(
        (
          await http()
            .get('/sample/creditors/c2')
            .set('Authorization', await bearer({ roles: ['agent'] }))
        ).status,
      ).toBe(200);
    });
  });

  describe('validation: 400 problem+json naming the fields', () => {
    let token: string;
    beforeAll(async () => {
      token = await bearer({ roles: ['supervisor'] });
    });
    const post = (body: object) => http().post('/sample/payments').set('Authorization', token).send(body);

    it('accepts a valid body and transforms it into the DTO', async () => {
      const res = await post({ reference: 'r-1', amountMinor: '1500', address: { city: 'Lyon' } });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        received: { reference: 'r-1', amountMinor: '1500', address: { city: 'Lyon' } },
        isDto: true,
      });
    });

    it('refuses an unknown field, naming it', async () => {
      const res = await post({ reference: 'r-1', amountMinor: '1500', debtorName: 'Jane' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: '/problems/validation-failed',
        status: 400,
        detail: 'Invalid field(s): debtorName',
      });
      expect(res.body.errors).toEqual([
        { field: 'debtorName', messages: ['property debtorName should not exist'] },
      ]);
    });

    it('refuses a missing required field and a nested bad field, with their paths', async () => {
      const res = await post({ amountMinor: 'abc', address: { city: '' } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'address.city',
        'amountMinor',
        'reference',
      ]);
      expect(res.body.errors.find((e: { field: string }) => e.field === 'reference').messages).toContain(
        'reference should not be empty',
      );
    });

    it('refuses malformed JSON as a 400 problem', async () => {
      const res = await http()
        .post('/sample/payments')
        .set('Authorization', token)
        .set('Content-Type', 'application/json')
        .send('{"reference":');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('errors', () => {
    let token: string;
    beforeAll(async () => {
      token = await bearer({ roles: ['admin'] });
    });

    it('a domain rule violation → 409 with its code', async () => {
      const res = await http().get('/sample/rule').set('Authorization', token);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        type: '/problems/rule-violated',
        code: 'account_closed',
        detail: 'closed as paid',
      });
    });

    it('WrongExpectedVersion → 409', async () => {
      const res = await http().get('/sample/conflict').set('Authorization', token);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        type: '/problems/concurrency-conflict',
        code: 'wrong_expected_version',
      });
    });

    it('an unknown error → 500 without internals', async () => {
      const res = await http().get('/sample/boom').set('Authorization', token);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(res.body)).not.toMatch(/secret|postgres|stack/);
      expect(res.body).toMatchObject({ status: 500, title: 'Internal Server Error' });
    });

    it('an unknown route → 404 problem+json (after auth)', async () => {
      const res = await http().get('/nowhere').set('Authorization', token);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('request id', () => {
    it('honours x-request-id and echoes it (also in problems)', async () => {
      const res = await http().get('/sample/me').set('x-request-id', 'req-123');
      expect(res.headers['x-request-id']).toBe('req-123');
      expect(res.body.requestId).toBe('req-123');
    });

    it('generates one when absent or unsafe', async () => {
      const res = await http().get('/health/live').set('x-request-id', 'bad id\twith spaces');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('public endpoints', () => {
    it('/health/live → 200 without a token', async () => {
      const res = await http().get('/health/live');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
    });

    it('/health/ready → 200 when the database answers', async () => {
      const res = await http().get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    });

    it('/docs serves OpenAPI with bearer auth declared', async () => {
      expect((await http().get('/docs')).status).toBe(200);
      const spec = await http().get('/docs/json');
      expect(spec.status).toBe(200);
      expect(spec.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(spec.body.paths)).toContain('/sample/payments');
      expect(Object.keys(spec.body.paths)).not.toContain('/health/ready');
    });

    it('/metrics → Prometheus text with default and HTTP metrics', async () => {
      const res = await http().get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(/process_cpu_user_seconds_total\{service="sample"\}/);
      expect(res.text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/sample\/me"/);
    });
  });

  it('creates the service schema and puts it first on the search_path', async () => {
    const { rows } = await db().pool.query(
      "SELECT 1 FROM information_schema.schemata WHERE schema_name = 'sample'",
    );
    expect(rows).toHaveLength(1);
  });
});

describe('platform start-up and readiness failures', () => {
  it('a missing required variable stops start-up, naming it', async () => {
    const failure = createApp(SampleAppModule, { env: { ...quiet, PORT: 'eighty' } });
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(/DATABASE_URL is required/);
    await expect(failure).rejects.toThrow(/PORT: .*integer/);
  });

  it('/health/ready → 503 problem+json when the database stops answering', async () => {
    const gone = await createTestDatabase('gone');
    const app = await createApp(SampleAppModule, { env: { ...quiet, DATABASE_URL: gone.url } });
    try {
      expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(200);
      await gone.drop();
      const res = await request(app.getHttpServer()).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: '/problems/not-ready',
        detail: 'Failing: database',
        checks: { database: { status: 'down' } },
      });
      expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
    } finally {
      await app.close();
      await gone.drop();
    }
  });
});
