import { Injectable } from '@nestjs/common';
import type { UserDataContributor } from '@prepmate/messaging';
import { ChatService } from './chat/chat.service';
import { PairStore } from './pairs/pair.store';
import { PostStore } from './posts/post.store';
import { LearnerProfileStore } from './profiles/learner-profile.store';
import { ScratchStateStore } from './scratches/scratch-state.store';
import { ScratchEventStore } from './scratches/scratch-event.store';

/**
 * Everything synergy holds about a learner. The `user.delete` RPC and `user.deleted` write the
 * learner's tombstone (UserTombstones) before calling these, so nothing is recreated for them
 * afterwards; deleting then removes their posts (they leave every feed), their
 * scratches and the scratches of their posts, their pairs, their messages from both sides
 * and their profile.
 */
@Injectable()
export class SynergyUserData {
  constructor(
    private readonly posts: PostStore,
    private readonly scratches: ScratchEventStore,
    private readonly states: ScratchStateStore,
    private readonly pairs: PairStore,
    private readonly chat: ChatService,
    private readonly profiles: LearnerProfileStore,
  ) {}

  get contributors(): UserDataContributor[] {
    return [
      {
        name: 'posts',
        exportUser: (userId) => this.posts.exportUser(userId),
        deleteUser: (userId) => this.posts.deleteUser(userId),
      },
      {
        name: 'scratchedPosts',
        exportUser: (userId) => this.states.exportUser(userId),
        deleteUser: async (userId) =>
          this.states.deleteUser(userId, await this.scratches.scratchersOf(userId)),
      },
      {
        name: 'scratches',
        exportUser: (userId) => this.scratches.exportUser(userId),
        deleteUser: (userId) => this.scratches.deleteUser(userId),
      },
      {
        name: 'synergyPairs',
        exportUser: (userId) => this.pairs.exportUser(userId),
        deleteUser: (userId) => this.pairs.deleteUser(userId),
      },
      {
        name: 'chatMessages',
        exportUser: (userId) => this.chat.exportUser(userId),
        deleteUser: (userId) => this.chat.deleteUser(userId),
      },
      {
        name: 'learningLevel',
        exportUser: (userId) => this.profiles.exportUser(userId),
        deleteUser: (userId) => this.profiles.deleteUser(userId),
      },
    ];
  }
}
