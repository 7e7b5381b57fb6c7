import 'reflect-metadata';
import { createApi, exitGracefully, runMain } from './app/bootstrap.js';

runMain(async () => {
  const started = await createApi();
  exitGracefully(started);
  await started.app.listen({ port: started.config.PORT, host: started.config.HOST });
});
