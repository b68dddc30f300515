// Sends one file to the REST upload endpoint as the raw request body, reporting progress. Uses
// XMLHttpRequest because fetch cannot report upload progress; the CSRF header is the one the
// typed client adds to every write.
import { ApiError, toApiError } from '$lib/api/errors';
import { session } from '$lib/session.svelte';

export function uploadFile(targetId: number, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/rest/v1/targets/${targetId}/data-products?${new URLSearchParams({ file_name: file.name })}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    if (session.csrf) request.setRequestHeader('x-csrf-token', session.csrf);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else {
        const error = toApiError(request.status, request.response);
        if (error.status === 401) session.expired();
        reject(error);
      }
    };
    request.onerror = () => reject(new ApiError(0, 'Lightpath cannot be reached. Check your connection and try again.'));
    request.send(file);
  });
}
