import { mongo } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key';

describe('isDuplicateKeyError', () => {
  it('recognises the driver error of a unique-index violation', () => {
    const error = new mongo.MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key' });
    expect(isDuplicateKeyError(error)).toBe(true);
  });

  it('refuses any other error, and what is not an error', () => {
    expect(isDuplicateKeyError(new mongo.MongoServerError({ code: 112, errmsg: 'conflict' }))).toBe(
      false,
    );
    expect(isDuplicateKeyError(new Error('E11000 in the text only'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
    expect(isDuplicateKeyError('11000')).toBe(false);
  });
});
