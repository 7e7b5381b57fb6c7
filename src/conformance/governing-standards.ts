/** A standard governing a service, as submissions check samples against it. */
export interface GoverningStandard {
  id: string;
  code: string;
  version: string;
  hasSchema: boolean;
}
