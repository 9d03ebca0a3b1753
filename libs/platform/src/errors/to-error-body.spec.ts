import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { AppError } from './app-error';
import { toErrorBody } from './to-error-body';

describe('toErrorBody', () => {
  it('keeps an AppError code, field, details and retry-after', () => {
    const error = new AppError('RATE_LIMITED', 'Too many requests', { retryAfterSeconds: 12 });
    expect(toErrorBody(error, 'req-1')).toEqual({
      status: 429,
      body: { code: 'RATE_LIMITED', message: 'Too many requests', requestId: 'req-1' },
      retryAfterSeconds: 12,
      unexpected: false,
    });
    const validation = AppError.validation([{ field: 'email', message: 'must be an email' }]);
    expect(toErrorBody(validation).body).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'email: must be an email',
      field: 'email',
      details: [{ field: 'email', message: 'must be an email' }],
    });
  });

  it('lists a single validation failure in details too', () => {
    const error = new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
    expect(toErrorBody(error).body).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'invalid cursor',
      field: 'cursor',
      details: [{ field: 'cursor', message: 'invalid cursor' }],
    });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /x')).body.code).toBe('NOT_FOUND');
    expect(toErrorBody(new BadRequestException()).status).toBe(400);
    expect(toErrorBody(new HttpException('boom', 502))).toMatchObject({
      status: 502,
      body: { code: 'INTERNAL', message: 'Internal error' },
    });
  });

  it('turns body-parser failures into 400 and 413', () => {
    expect(toErrorBody({ type: 'entity.parse.failed', status: 400 })).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST' },
    });
    expect(toErrorBody({ type: 'entity.too.large', status: 413 })).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  it('keeps the 4xx status of every HTTP-stack error, with our own message', () => {
    const charset = Object.assign(new Error('unsupported charset "LATIN1"'), {
      type: 'charset.unsupported',
      status: 415,
      statusCode: 415,
      expose: true,
    });
    expect(toErrorBody(charset, 'req-3')).toEqual({
      status: 415,
      body: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Unsupported charset: send JSON in UTF-8',
        requestId: 'req-3',
      },
      unexpected: false,
    });
    expect(JSON.stringify(toErrorBody(charset).body)).not.toContain('LATIN1');
    expect(toErrorBody({ type: 'encoding.unsupported', status: 415 })).toMatchObject({
      status: 415,
      body: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    expect(toErrorBody({ type: 'request.aborted', status: 400 }).status).toBe(400);
    // Statuses without a code of their own keep their status and read as a bad request.
    expect(toErrorBody({ statusCode: 431 })).toMatchObject({
      status: 431,
      body: { code: 'BAD_REQUEST', message: 'The request was refused' },
    });
  });

  it('never lets a 5xx status carried by a thrown object through as a client error', () => {
    expect(toErrorBody({ type: 'stream.not.readable', status: 500 })).toMatchObject({
      status: 500,
      unexpected: true,
    });
    expect(toErrorBody({ status: '400' }).status).toBe(500);
  });

  it('hides everything about an unexpected error', () => {
    const mapped = toErrorBody(
      new TypeError('cannot read x of undefined at /srv/app.js:10'),
      'req-2',
    );
    expect(mapped).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'Internal error', requestId: 'req-2' },
      unexpected: true,
    });
    expect(JSON.stringify(mapped.body)).not.toContain('app.js');
  });
});
