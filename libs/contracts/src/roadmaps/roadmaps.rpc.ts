import type {
  AddRoadmapTopicsRequest,
  CreateRoadmapRequest,
  UpdateRoadmapTopicRequest,
} from './roadmaps.requests';

export interface RoadmapIdRpcData {
  roadmapId: string;
}

export type CreateRoadmapRpcData = CreateRoadmapRequest;

export interface AddRoadmapTopicsRpcData extends RoadmapIdRpcData, AddRoadmapTopicsRequest {}

export interface UpdateRoadmapTopicRpcData extends RoadmapIdRpcData, UpdateRoadmapTopicRequest {
  topic: string;
}

export interface RoadmapTopicRpcData extends RoadmapIdRpcData {
  topic: string;
}

export interface PciRpcData extends RoadmapIdRpcData {
  masteryThreshold?: number;
}

export interface TimeEstimateRpcData extends RoadmapIdRpcData {
  hoursPerDay: number;
}

export interface RecommendationsRpcData extends RoadmapIdRpcData {
  limit: number;
}

/** RPC `roadmap.all_pci`: PCI of the followed and owned roadmaps of a user (the caller's own when absent). */
export interface AllPciRpcData {
  userId?: string;
  limit: number;
  cursor?: string;
}
