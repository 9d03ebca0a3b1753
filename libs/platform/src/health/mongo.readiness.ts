import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { type ReadinessCheck, withinTimeout } from './readiness-check';

@Injectable()
export class MongoReadiness implements ReadinessCheck {
  readonly name = 'mongodb';

  constructor(@InjectConnection() private readonly connection: Connection) {}

  isReady(timeoutMs = 80): Promise<boolean> {
    if (this.connection.readyState !== 1 || !this.connection.db) return Promise.resolve(false);
    const db = this.connection.db;
    return withinTimeout(() => db.command({ ping: 1 }), timeoutMs);
  }
}
