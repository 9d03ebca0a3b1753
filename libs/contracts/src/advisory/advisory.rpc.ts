import type { PageRpcData } from '../problems/problems.rpc';
import type {
  ExtractSkillsRequest,
  GenerateTaskRequest,
  ReflectionRequest,
} from './advisory.requests';

export type GenerateTaskRpcData = GenerateTaskRequest;
export type ReflectRpcData = ReflectionRequest;
export type ExtractSkillsRpcData = ExtractSkillsRequest;
export type InferencesRpcData = PageRpcData;
