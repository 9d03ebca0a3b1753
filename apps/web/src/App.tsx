import { type ReactNode } from 'react';
import { useRestoredSession, useSignOut, useUser } from './auth';
import { Loading } from './components/states';
import { useLiveCache } from './live/live-cache';
import { useLiveStream } from './live/live-stream';
import { useLatestNotifications } from './api/queries';
import { unreadBadge } from './notifications/notification-view';
import { AdminPage } from './pages/AdminPage';
import { AuthPage } from './pages/AuthPage';
import { ChatPage } from './pages/ChatPage';
import { ConnectPage } from './pages/ConnectPage';
import { DashboardPage } from './pages/DashboardPage';
import { GoalsPage } from './pages/GoalsPage';
import { MentorPage } from './pages/MentorPage';
import { MentorStudentPage } from './pages/MentorStudentPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { PerformancePage } from './pages/PerformancePage';
import { ProblemsPage } from './pages/ProblemsPage';
import { ProfilePage } from './pages/ProfilePage';
import { RoadmapPage } from './pages/RoadmapPage';
import { RoadmapsPage } from './pages/RoadmapsPage';
import { SynergyPage } from './pages/SynergyPage';
import { TaskPage } from './pages/TaskPage';
import { TasksPage } from './pages/TasksPage';
import { TopicPage } from './pages/TopicPage';
import { TopicsPage } from './pages/TopicsPage';
import { Link, matchPath, navigate, usePath } from './router';

const NAV = [
  { to: '/', label: 'Dashboard' },
  { to: '/tasks', label: 'Tasks' },
  { to: '/goals', label: 'Goals' },
  { to: '/connect', label: 'Accounts & import' },
  { to: '/topics', label: 'Topics' },
  { to: '/performance', label: 'Performance' },
  { to: '/roadmaps', label: 'Roadmaps' },
  { to: '/problems', label: 'Problems' },
  { to: '/synergy', label: 'Synergy' },
  { to: '/mentor', label: 'Mentoring' },
  { to: '/notifications', label: 'Notifications' },
  { to: '/profile', label: 'Profile' },
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
  if (path === '/tasks') return <TasksPage />;
  if (path === '/goals') return <GoalsPage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/mentor') return <MentorPage />;
  if (path === '/profile') return <ProfilePage />;
  const task = matchPath('/tasks/:id', path);
  if (task) return <TaskPage id={task.id} />;
  const student = matchPath('/mentor/students/:id', path);
  if (student) return <MentorStudentPage id={student.id} />;
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
                  {item.to === '/notifications' && <UnreadBadge />}
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

/** The unread count on the nav's Notifications link (refreshed by live notifications). */
function UnreadBadge() {
  const latest = useLatestNotifications();
  const badge = unreadBadge(latest.data?.unreadCount ?? 0);
  if (!badge) return null;
  return (
    <span className="badge" data-testid="unread-badge">
      {badge}
      <span className="sr-only"> unread</span>
    </span>
  );
}
