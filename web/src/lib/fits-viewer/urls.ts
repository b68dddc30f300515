// Where the FITS viewer of a data product is, for any page that lists products.

/** The viewer page of a FITS data product. */
export function fitsViewerUrl(productId: number): string {
  return `/dataproducts/${productId}/view/`;
}

/** Whether a product can be opened in the viewer: a FITS file, by its type or its name. */
export function opensInFitsViewer(product: { data_product_type: string; file_name: string }): boolean {
  return product.data_product_type === 'fits_file' || /\.(fits?|fts)(\.fz)?$/i.test(product.file_name);
}
