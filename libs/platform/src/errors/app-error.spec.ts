import { AppError } from './app-error';

describe('AppError', () => {
  it('a reason brings its code, and both reach the body', () => {
    const error = AppError.because('ROADMAP_VERSION_CONFLICT', 'read it again', {
      field: 'topics',
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.status).toBe(409);
    expect(error.toBody('req-1')).toEqual({
      code: 'CONFLICT',
      reason: 'ROADMAP_VERSION_CONFLICT',
      message: 'read it again',
      field: 'topics',
      requestId: 'req-1',
    });
  });

  it('a quota reason answers with the quota code', () => {
    expect(AppError.because('ROADMAP_QUOTA', 'at most 10').toBody()).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      reason: 'ROADMAP_QUOTA',
    });
  });

  it('an error without a reason has none in its body', () => {
    expect(AppError.notFound('user').toBody()).toEqual({
      code: 'NOT_FOUND',
      message: 'user was not found',
    });
  });
});
