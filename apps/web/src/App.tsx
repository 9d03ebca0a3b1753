import { type ReactNode } from 'react';
import { useRestoredSession, useSignOut, useUser } from './auth';
import { Loading } from './components/states';
import { useLiveCache } from './live/live-cache';
import { useLiveStream } from './live/live-stream';
import { AdminPage } from './pages/AdminPage';
import { AuthPage } from './pages/AuthPage';
import { ChatPage } from './pages/ChatPage';
import { ConnectPage } from './pages/ConnectPage';
import { DashboardPage } from './pages/DashboardPage';
import { PerformancePage } from './pages/PerformancePage';
import { ProblemsPage } from './pages/ProblemsPage';
import { RoadmapPage } from './pages/RoadmapPage';
import { RoadmapsPage } from './pages/RoadmapsPage';
import { SynergyPage } from './pages/SynergyPage';
import { TopicPage } from './pages/TopicPage';
import { TopicsPage } from './pages/TopicsPage';
import { Link, matchPath, navigate, usePath } from './router';

const NAV = [
  { to: '/', label: 'Dashboard' },
  { to: '/connect', label: 'Accounts & import' },
  { to: '/topics', label: 'Topics' },
  { to: '/performance', label: 'Performance' },
  { to: '/roadmaps', label: 'Roadmaps' },
  { to: '/problems', label: 'Problems' },
  { to: '/synergy', label: 'Synergy' },
];

function route(path: string): ReactNode {
  if (path === '/') return <DashboardPage />;
  if (path === '/connect') return <ConnectPage />;
  if (path === '/topics') return <TopicsPage />;
  if (path === '/performance') return <PerformancePage />;
  if (path === '/roadmaps') return <RoadmapsPage />;
  if (path === '/problems') return <ProblemsPage />;
  if (path === '/admin') return <AdminPage />;
  if (path === '/synergy') return <SynergyPage />;
  const chat = matchPath('/chat/:userId', path);
  if (chat) return <ChatPage userId={chat.userId} />;
  const topic = matchPath('/topics/:slug', path);
  if (topic) return <TopicPage slug={topic.slug} />;
  const roadmap = matchPath('/roadmaps/:id', path);
  if (roadmap) return <RoadmapPage id={roadmap.id} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        Nothing lives at {path}. <Link to="/">Back to the dashboard</Link>
      </p>
    </section>
  );
}

export function App() {
  const restoring = useRestoredSession();
  const user = useUser();
  const path = usePath();
  const signOut = useSignOut();
  useLiveStream(user?.id);
  useLiveCache(user?.id);

  if (restoring)
    return (
      <main className="centered">
        <Loading what="your session" />
      </main>
    );
  if (!user) return <AuthPage mode={path === '/signup' ? 'signup' : 'signin'} />;

  const nav = user.role === 'admin' ? [...NAV, { to: '/admin', label: 'Admin' }] : NAV;
  const active = (to: string) =>
    to === '/'
      ? path === '/'
      : path.startsWith(to) || (to === '/synergy' && path.startsWith('/chat/'));
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">PrepMate</span>
        <nav aria-label="Main">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={active(item.to) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span className="muted">{user.name}</span>
          <button
            type="button"
            onClick={() => void signOut().then(() => navigate('/'))}
            className="secondary"
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route(path)}
      </main>
    </div>
  );
}
