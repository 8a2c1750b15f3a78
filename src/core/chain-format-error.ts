/** Thrown by chainFromJSON and ChainBuilder on data that cannot form a chain at all (not one bad line). */
export class ChainFormatError extends Error {
  override name = 'ChainFormatError';
}
