import type { Organisation } from './organisation.entity.js';

export const toCouncilView = (o: Organisation) => ({
  id: o.id,
  gssCode: o.gssCode!,
  name: o.name,
  councilType: o.councilType!,
  region: o.region!,
  nation: o.nation!,
});

export const toSupplierView = (o: Organisation) => ({
  id: o.id,
  name: o.name,
  companyNumber: o.companyNumber,
  onboardingStatus: o.onboardingStatus!,
  version: o.version,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});

export const toAgencyView = (o: Organisation) => ({ id: o.id, code: o.code!, name: o.name });

export type CouncilView = ReturnType<typeof toCouncilView>;
export type SupplierView = ReturnType<typeof toSupplierView>;
