/**
 * The domain modules, shared by the api (controllers) and the worker (job handlers).
 * Ordered by layer: L1 auth/audit, L2 organisations/catalogue/…, L3 …, L4 ….
 */
export const DOMAIN_MODULES = [];
