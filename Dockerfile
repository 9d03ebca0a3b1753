# One image recipe for the eight services: docker build --build-arg APP=auth .
# The build stage compiles the whole monorepo once; the runtime stage keeps production
# dependencies and the compiled code, runs as the unprivileged `node` user, and starts
# dist/apps/$APP/src/main.js. Node 22 (LTS; node 20 left support in April 2026); the code
# also runs on Node 20.19+ (package.json engines), which development machines may have.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY tools tools
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ARG APP
RUN test -n "$APP" || (echo "build with --build-arg APP=<service>" && false)
ENV NODE_ENV=production \
    APP=${APP} \
    HTTP_HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.OPS_PORT||process.env.HTTP_PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node --enable-source-maps dist/apps/${APP}/src/main.js"]
