// The staff transitions of a shipment (src/lims/shipments.ts): receive, return, archive, and the
// two undos. Each answers the shipment as it is afterwards, or throws ApiError with the reason.
import { api, call } from '$lib/api/client';

const at = (id: number) => ({ path: { id } });

export const shipmentActions = {
  receive: (id: number, storageLocation: string) =>
    call(api.POST('/rest/v1/shipments/{id}/receive', { params: at(id), body: storageLocation ? { storage_location: storageLocation } : {} })),
  unreceive: (id: number) => call(api.POST('/rest/v1/shipments/{id}/unreceive', { params: at(id), body: {} })),
  return: (id: number, returnCode: string) =>
    call(api.POST('/rest/v1/shipments/{id}/return', { params: at(id), body: returnCode ? { return_code: returnCode } : {} })),
  unreturn: (id: number) => call(api.POST('/rest/v1/shipments/{id}/unreturn', { params: at(id), body: {} })),
  archive: (id: number) => call(api.POST('/rest/v1/shipments/{id}/archive', { params: at(id), body: {} })),
};
