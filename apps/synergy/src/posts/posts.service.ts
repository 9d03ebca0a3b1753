import { Injectable } from '@nestjs/common';
import type {
  CreatePostRequest,
  Page,
  PostResponse,
  RpcCaller,
  UpdatePostRequest,
} from '@prepmate/contracts';
import { TopicCatalog, UserTombstones } from '@prepmate/messaging';
import { AppError, encodeKeysetCursor, keysetPage } from '@prepmate/platform';
import { v7 as uuidv7 } from 'uuid';
import { listPosition, TIME_CURSOR } from '../list-cursors';
import { isRevealed } from '../domain/scratch-coverage';
import { normalizeSkills } from '../domain/skills';
import { HourlyLimiter } from '../limits/hourly-limiter';
import { ScratchStateStore } from '../scratches/scratch-state.store';
import type { PostDocument } from './post.schema';
import { PostStore } from './post.store';

/** Posts and the masked feed (docs/synergy.md, "Posts and the feed"). */
@Injectable()
export class PostsService {
  constructor(
    private readonly store: PostStore,
    private readonly states: ScratchStateStore,
    private readonly catalog: TopicCatalog,
    private readonly limiter: HourlyLimiter,
    private readonly tombstones: UserTombstones,
  ) {}

  async create(caller: RpcCaller, request: CreatePostRequest): Promise<PostResponse> {
    const skills = await this.skills(request.skills ?? []);
    await this.tombstones.assertActive(caller.userId);
    await this.limiter.posts(caller.userId);
    const now = new Date();
    const post: PostDocument = {
      _id: uuidv7(),
      authorId: caller.userId,
      content: request.content,
      skills,
      topic: skills[0] ?? null,
      taskId: request.taskId ?? null,
      problemId: request.problemId ?? null,
      length: [...request.content].length,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.store.insert(post);
    // A deletion that ran meanwhile removes what was just stored again (docs/security.md).
    await this.tombstones.eraseIfDeleted([caller.userId]);
    await this.tombstones.assertActive(caller.userId);
    return view(post, caller.userId, undefined);
  }

  /** An edit applies to the version it read: a concurrent edit answers 409. */
  async update(
    caller: RpcCaller,
    postId: string,
    request: UpdatePostRequest,
  ): Promise<PostResponse> {
    const post = await this.own(caller, postId);
    const $set: Partial<PostDocument> = { updatedAt: new Date() };
    if (request.content !== undefined) {
      $set.content = request.content;
      $set.length = [...request.content].length;
    }
    if (request.skills !== undefined) {
      $set.skills = await this.skills(request.skills);
      $set.topic = $set.skills[0] ?? null;
    }
    if (!(await this.store.updateAtVersion(postId, post.version, $set)))
      throw AppError.because(
        'POST_VERSION_CONFLICT',
        'the post changed meanwhile; read it again and retry',
      );
    return view({ ...post, ...$set, version: post.version + 1 }, caller.userId, undefined);
  }

  async remove(caller: RpcCaller, postId: string): Promise<{ deleted: true }> {
    await this.own(caller, postId);
    await this.store.remove(postId);
    return { deleted: true };
  }

  async get(caller: RpcCaller, postId: string): Promise<PostResponse> {
    const post = await this.find(postId);
    const coverage = await this.states.coverages(caller.userId, [post]);
    return view(post, caller.userId, coverage.get(post._id));
  }

  /** Newest first: everyone's posts, or one author's. */
  async feed(
    caller: RpcCaller,
    query: { limit: number; cursor?: string; authorId?: string },
  ): Promise<Page<PostResponse>> {
    const after = listPosition(query.cursor, TIME_CURSOR);
    const docs = await this.store.page(query.authorId, after, query.limit);
    const page = keysetPage(docs, query.limit, (last) =>
      encodeKeysetCursor({ key: last.createdAt.getTime(), id: last._id }, TIME_CURSOR),
    );
    const coverages = await this.states.coverages(caller.userId, page.items);
    return {
      items: page.items.map((post) => view(post, caller.userId, coverages.get(post._id))),
      nextCursor: page.nextCursor,
    };
  }

  async find(postId: string): Promise<PostDocument> {
    const post = await this.store.find(postId);
    if (!post) throw AppError.notFound('post');
    return post;
  }

  private async own(caller: RpcCaller, postId: string): Promise<PostDocument> {
    const post = await this.find(postId);
    if (post.authorId !== caller.userId)
      throw new AppError('FORBIDDEN', 'only the author may change a post');
    return post;
  }

  private async skills(given: string[]): Promise<string[]> {
    if (given.length === 0) return [];
    const { slugs, unknown } = normalizeSkills(given, await this.catalog.all());
    if (unknown.length > 0)
      throw AppError.validation(
        unknown.map(({ index, value }) => ({
          field: `skills[${index}]`,
          message: `"${value}" is not a topic of the taxonomy`,
        })),
      );
    return slugs;
  }
}

/** A post as `reader` sees it: in full when theirs or revealed to them, otherwise masked. */
function view(post: PostDocument, reader: string, coverage: number | undefined): PostResponse {
  const own = post.authorId === reader;
  const revealed = own || isRevealed(coverage ?? 0);
  return {
    id: post._id,
    authorId: post.authorId,
    topic: post.topic,
    skills: post.skills,
    taskId: post.taskId,
    problemId: post.problemId,
    length: post.length,
    revealed,
    coverage: own ? 1 : (coverage ?? 0),
    ...(revealed ? { content: post.content } : {}),
    createdAt: new Date(post.createdAt).toISOString(),
    updatedAt: new Date(post.updatedAt).toISOString(),
    version: post.version,
  };
}
