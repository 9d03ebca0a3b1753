import { AppError } from '@prepmate/platform';
import { findNulCharacter, NulCharacterPipe } from './nul-character.pipe';

describe('NulCharacterPipe', () => {
  const pipe = new NulCharacterPipe();

  it('finds U+0000 in values and keys at any depth', () => {
    expect(findNulCharacter({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body')).toBe('body.a[1].c');
    expect(findNulCharacter({ 'k\u0000': 1 }, 'body')).toBe('body');
    expect(findNulCharacter({ a: ['fine', 1, null, true] }, 'body')).toBeNull();
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findNulCharacter(deep, 'body')).toMatch(/^body(\[0\]){100000}$/);
  });

  it('refuses it in the one validation shape, naming the field', () => {
    let error: unknown;
    try {
      pipe.transform('%00'.replace('%00', '\u0000'), { type: 'param', data: 'id' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toBody()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'id', message: 'must not contain the character U+0000' }],
    });
    expect(pipe.transform({ q: 'two sum' }, { type: 'query' })).toEqual({ q: 'two sum' });
  });
});
