import 'reflect-metadata';
import { createWorker, runMain, withGracefulExit } from './app/bootstrap.js';

runMain(async () => {
  const started = await withGracefulExit(createWorker);
  await started.app.init();
});
