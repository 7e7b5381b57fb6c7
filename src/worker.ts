import 'reflect-metadata';
import { createWorker, exitGracefully, runMain } from './app/bootstrap.js';

runMain(async () => {
  const started = await createWorker();
  exitGracefully(started);
  await started.app.init();
});
