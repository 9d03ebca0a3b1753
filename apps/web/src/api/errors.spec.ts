import { ApiError, toApiError } from './errors';

describe('ApiError', () => {
  it('gathers the messages of each field, from `field` and from `details`', () => {
    const error = toApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'invalid roadmap',
        requestId: 'r1',
        details: [
          { field: 'topics[0].weight', message: 'must be in (0, 1]' },
          { field: 'topics', message: 'a roadmap needs at least one core topic' },
          { field: 'topics', message: 'dependency cycle: a → b → a' },
        ],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fieldErrors()).toEqual({
      'topics[0].weight': 'must be in (0, 1]',
      topics: 'a roadmap needs at least one core topic; dependency cycle: a → b → a',
    });
  });

  it('takes a field from `field` alone, or from its details when they name it too', () => {
    const alone = toApiError(409, {
      error: { code: 'CONFLICT', message: 'name taken', requestId: 'r2', field: 'name' },
    });
    expect(alone.fieldErrors()).toEqual({ name: 'name taken' });
    const both = toApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'estimatedTimeMinutes: must not be greater than 1440',
        requestId: 'r3',
        field: 'estimatedTimeMinutes',
        details: [{ field: 'estimatedTimeMinutes', message: 'must not be greater than 1440' }],
      },
    });
    expect(both.fieldErrors()).toEqual({ estimatedTimeMinutes: 'must not be greater than 1440' });
  });

  it('names a network failure and an answer outside the error shape', () => {
    expect(toApiError(0, undefined).body.code).toBe('NETWORK');
    const odd = toApiError(502, '<html>');
    expect(odd.body.code).toBe('UNEXPECTED');
    expect(odd.message).toBe('Unexpected answer (502)');
  });
});
