/**
 * Import direction: apps may import libs, libs never import apps, an app never
 * imports another app, and the domain of one service is its own. `npm run lint` fails on
 * any violation.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      severity: 'error',
      comment:
        'An app never imports another app: share through libs/contracts or talk over the broker.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      severity: 'error',
      comment: 'Libraries are shared by apps and must not depend on any of them.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-production-code-to-testing',
      severity: 'error',
      comment: 'libs/testing is for tests only.',
      from: {
        path: '^(apps|libs/(contracts|messaging|platform|infra))/',
        pathNot: '\\.spec\\.ts$',
      },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'contracts-stay-pure',
      severity: 'error',
      comment: 'Contracts are types, constants and DTOs: they depend on no other lib.',
      from: { path: '^libs/contracts/' },
      to: { path: '^libs/(messaging|platform|infra|testing)/' },
    },
    {
      name: 'platform-below-messaging',
      severity: 'error',
      comment: 'messaging builds on platform, never the other way round.',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/messaging/' },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment:
        'apps/*/src/domain holds plain rules: no framework, database, messaging or platform code, and nothing of its app outside domain/ (see docs/architecture.md).',
      from: { path: '^apps/[^/]+/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: {
        path: [
          '^node_modules/(@nestjs|mongoose|mongodb|amqplib|amqp-connection-manager|bullmq|ioredis|express|pino)(/|$)',
          '^libs/(messaging|platform|infra|testing)/',
          '^apps/[^/]+/src/(?!domain/)',
        ],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
