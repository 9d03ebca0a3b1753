import { Injectable } from '@nestjs/common';
import type { RpcCaller } from '@prepmate/contracts';
import { AppError } from '@prepmate/platform';
import type { RoadmapDocument } from './roadmap.schema';
import { RoadmapStore } from './roadmap.store';

/**
 * Who may see and edit a roadmap: the checks every roadmap RPC makes before it reads or
 * writes one (services call them; controllers only unpack requests).
 */
@Injectable()
export class RoadmapAccess {
  constructor(private readonly store: RoadmapStore) {}

  /** A roadmap the caller may see: official, their own, or any for admins; else 404. */
  async visible(caller: RpcCaller, roadmapId: string): Promise<RoadmapDocument> {
    const roadmap = await this.store.find(roadmapId);
    if (
      !roadmap ||
      !(roadmap.official || roadmap.createdBy === caller.userId || caller.role === 'admin')
    )
      throw new AppError('NOT_FOUND', 'roadmap not found');
    return roadmap;
  }

  /** A roadmap the caller may see and that is not official (those are read-only). */
  async editable(caller: RpcCaller, roadmapId: string): Promise<RoadmapDocument> {
    const roadmap = await this.visible(caller, roadmapId);
    if (roadmap.official) throw new AppError('FORBIDDEN', 'official roadmaps cannot be edited');
    return roadmap;
  }
}
