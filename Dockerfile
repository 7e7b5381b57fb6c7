# syntax=docker/dockerfile:1
# One image for the api (default CMD), the worker and the one-shot migrate/seed job.

# Node 22 LTS (Node 20 reached end of life in April 2026; the code and lock file also
# run on Node 20.19+, see package.json engines).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY data ./data
# The portal reads its views, message catalogues and stylesheet from src/web at run time.
COPY src/web/views ./src/web/views
COPY src/web/locales ./src/web/locales
COPY src/web/public ./src/web/public
# The base image's unprivileged user; nothing in /app is writable by it.
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
