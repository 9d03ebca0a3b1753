import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { useUser } from '../auth';
import { QueryView } from '../components/states';
import { Link } from '../router';
import { PairCard } from '../synergy/PairCard';
import { peerName } from '../synergy/peer';
import { PostForm } from '../synergy/PostForm';
import { ScratchCard } from '../synergy/ScratchCard';

/** Reflections, the scratch feed, synergy pairs and conversations (docs/synergy.md). */
export function SynergyPage() {
  const me = useUser();
  const queryClient = useQueryClient();
  const level = useQuery({
    queryKey: ['level'],
    queryFn: () => call(api.GET('/api/v1/me/level', {})),
  });
  const pairs = useQuery({
    queryKey: ['synergy'],
    queryFn: () => call(api.GET('/api/v1/synergy', { params: { query: { limit: 20 } } })),
  });
  const chats = useQuery({
    queryKey: ['chats'],
    queryFn: () => call(api.GET('/api/v1/chats', { params: { query: { limit: 20 } } })),
  });
  const feed = useInfiniteQuery({
    queryKey: ['posts'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/posts', { params: { query: { limit: 10, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['posts'] });
    void queryClient.invalidateQueries({ queryKey: ['synergy'] });
  };
  return (
    <section>
      <h1>Synergy</h1>
      <div className="grid two">
        <div className="card">
          <h2>Write a reflection</h2>
          <PostForm />
        </div>
        <div className="card">
          <h2>Your level</h2>
          <QueryView query={level} what="your level">
            {(l) => (
              <>
                <p className="big">{l.level.toFixed(1)}</p>
                <p className="muted">
                  {l.points} points: {l.solvedByDifficulty.easy} easy, {l.solvedByDifficulty.medium}{' '}
                  medium, {l.solvedByDifficulty.hard} hard solved
                </p>
              </>
            )}
          </QueryView>
          <h2>Conversations</h2>
          <QueryView
            query={chats}
            what="conversations"
            isEmpty={(page) => page.items.length === 0}
            empty={<p>No conversation yet: chats open once a pair's synergy reaches 60%.</p>}
          >
            {(page) => (
              <ul className="plain">
                {page.items.map((c) => (
                  <li key={c.userId}>
                    <Link to={`/chat/${c.userId}`}>{peerName(c.userId)}</Link>{' '}
                    {c.unreadCount > 0 && <span className="badge">{c.unreadCount} unread</span>}
                    <span className="muted"> {c.lastMessage.text.slice(0, 40)}</span>
                  </li>
                ))}
              </ul>
            )}
          </QueryView>
        </div>
      </div>
      <div className="card">
        <h2>Synergy pairs</h2>
        <QueryView
          query={pairs}
          what="synergy pairs"
          isEmpty={(page) => page.items.length === 0}
          empty={<p>No pair yet: scratch another learner’s post below to start one.</p>}
        >
          {(page) => (
            <ul className="plain pairs">
              {page.items.map((pair) => (
                <PairCard key={pair.userId} pair={pair} />
              ))}
            </ul>
          )}
        </QueryView>
      </div>
      <div className="card">
        <h2>Feed</h2>
        <QueryView
          query={feed}
          what="the feed"
          isEmpty={(data) => data.pages[0].items.length === 0}
          empty={<p>No post yet. Write the first reflection above.</p>}
        >
          {(data) => (
            <>
              <ul className="plain feed">
                {data.pages
                  .flatMap((p) => p.items)
                  .map((post) => (
                    <li key={post.id} className="post" data-post={post.id}>
                      <p className="muted">
                        {post.authorId === me?.id ? 'You' : peerName(post.authorId)} ·{' '}
                        {new Date(post.createdAt).toLocaleString()}
                        {post.skills.map((s) => (
                          <span key={s} className="badge">
                            {s}
                          </span>
                        ))}
                      </p>
                      {post.revealed ? (
                        <p className="post-content">{post.content}</p>
                      ) : (
                        <ScratchCard post={post} onRevealed={refresh} />
                      )}
                    </li>
                  ))}
              </ul>
              {feed.hasNextPage && (
                <button
                  type="button"
                  className="secondary"
                  disabled={feed.isFetchingNextPage}
                  onClick={() => void feed.fetchNextPage()}
                >
                  More posts
                </button>
              )}
            </>
          )}
        </QueryView>
      </div>
    </section>
  );
}
