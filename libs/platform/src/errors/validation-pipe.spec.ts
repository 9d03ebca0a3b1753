import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsNumber, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation-pipe';

class Topic {
  @IsNumber()
  weight!: number;

  @IsIn(['core', 'optional'])
  layer!: string;
}

class Roadmap {
  @ValidateNested({ each: true })
  @Type(() => Topic)
  topics!: Topic[];
}

describe('flattenValidationErrors', () => {
  it('names array items by index in brackets and object fields after a dot', () => {
    const roadmap = plainToInstance(Roadmap, {
      topics: [
        { weight: 1, layer: 'core' },
        { weight: 'heavy', layer: 'weird' },
      ],
    });
    expect(flattenValidationErrors(validateSync(roadmap))).toEqual([
      { field: 'topics[1].weight', message: expect.stringContaining('weight') },
      { field: 'topics[1].layer', message: expect.stringContaining('layer') },
    ]);
  });
});
