import type { Organisation } from './organisation.entity.js';
import type { AgencyViewDto } from './dto/agency-view.dto.js';
import type { SupplierViewDto } from './dto/supplier-view.dto.js';
import type { CouncilViewDto } from './dto/council-view.dto.js';

export const toCouncilView = (o: Organisation): CouncilViewDto => ({
  id: o.id,
  gssCode: o.gssCode!,
  name: o.name,
  councilType: o.councilType!,
  region: o.region!,
  nation: o.nation!,
});

export const toSupplierView = (o: Organisation): SupplierViewDto => ({
  id: o.id,
  name: o.name,
  companyNumber: o.companyNumber,
  onboardingStatus: o.onboardingStatus!,
  version: o.version,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});

export const toAgencyView = (o: Organisation): AgencyViewDto => ({
  id: o.id,
  code: o.code!,
  name: o.name,
});

export type CouncilView = ReturnType<typeof toCouncilView>;
export type SupplierView = ReturnType<typeof toSupplierView>;
