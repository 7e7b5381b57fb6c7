import 'reflect-metadata';
import { createApi, runMain, withGracefulExit } from './app/bootstrap.js';

runMain(async () => {
  const started = await withGracefulExit(createApi);
  await started.app.listen({ port: started.config.PORT, host: started.config.HOST });
});
