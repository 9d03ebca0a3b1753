import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { serveWebClient } from './web-client';

describe('serveWebClient', () => {
  let root: string;
  let app: express.Express;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'web-client-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>PrepMate</title>');
    writeFileSync(join(root, 'assets/index-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    app = express();
    expect(serveWebClient(app, root)).toBe(true);
    app.get('/api/v1/health', (_req, res) => void res.json({ ok: true }));
    app.use((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND' } }));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves hashed assets for a year and index.html uncached', async () => {
    const asset = await request(app).get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await request(app).get('/index.html');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect((await request(app).get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('answers client routes with index.html, never API paths or missing assets', async () => {
    const route = await request(app).get('/roadmaps/abc').set('accept', 'text/html');
    expect(route.status).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.text).toContain('<title>PrepMate</title>');
    expect((await request(app).get('/').set('accept', 'text/html')).status).toBe(200);

    expect((await request(app).get('/api/v1/health')).body).toEqual({ ok: true });
    const api = await request(app).get('/api/v1/nothing').set('accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('NOT_FOUND');
    expect((await request(app).get('/assets/gone-123.js')).status).toBe(404);
    expect((await request(app).get('/metrics').set('accept', 'text/html')).status).toBe(404);
    // a JSON client asking a non-API path gets no HTML page
    expect((await request(app).get('/topics').set('accept', 'application/json')).status).toBe(404);
    expect((await request(app).post('/topics').set('accept', 'text/html')).status).toBe(404);
  });

  it('serves nothing when the client is not built', () => {
    const empty = mkdtempSync(join(tmpdir(), 'web-client-empty-'));
    try {
      expect(serveWebClient(express(), empty)).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
