/**
 * Errors shaped like Office.js's OfficeExtension.Error (runtime class name "RichApi.Error").
 *
 * Codes and default messages follow "Error handling with the application-specific JavaScript APIs":
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * Client-side messages (PropertyNotLoaded, ValueNotLoaded, ApiNotFound, InvalidRequestContext) are Office.js's
 * own resource strings (Strings.OfficeOM.L_*), copied word for word.
 *
 * The fake's choice for host-side errors: `message` is Office's documented message for the code, followed by the
 * fake's precise reason after " — " (what and where), because a bare "The argument is invalid" makes a failing test
 * hard to read. Code that shows errors to users must switch on `code`, which is exactly Office's.
 */

export const ErrorCode = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  badPassword: "BadPassword",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidRequestContext: "InvalidRequestContext",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  unsupportedOperation: "UnsupportedOperation",
  mergedRangeConflict: "MergedRangeConflict",
  rangeExceedsLimit: "RangeExceedsLimit",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  insertDeleteConflict: "InsertDeleteConflict",
} as const;
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Office's documented message per code (application-specific-api-error-handling, "Error codes and messages"). */
const DOC_MESSAGES: Record<ErrorCodeValue, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found.",
  BadPassword: "The password you supplied is incorrect.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    "The object path isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded:
    "The value of the result object has not been loaded yet. Before reading the value property, call \"context.sync()\" on the associated request context.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  RunMustReturnPromise:
    "The batch function passed to the \".run\" method didn't return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from \"context.sync()\".",
  UnsupportedOperation: "The operation being attempted is not supported.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  NonBlankCellOffSheet:
    "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  InsertDeleteConflict: "The insert or delete operation attempted resulted in a conflict.",
};

/** Office.js's ApiNotFound text (Strings.OfficeOM.L_ApiNotFoundDetails). */
export function apiNotFoundMessage(member: string, set: string): string {
  return `The method or property ${member} is part of the ${set} requirement set, which is not available in your version of Excel.`;
}

export interface FakeDebugInfo extends OfficeExtension.DebugInfo {
  toString(): string;
}

/**
 * What add-in code sees from a failed request. `instanceof OfficeExtension.Error` holds because the installer sets
 * globalThis.OfficeExtension.Error to this class.
 */
export class FakeOfficeError extends Error implements OfficeExtension.Error {
  override name = "RichApi.Error";
  code: string;
  traceMessages: string[] = [];
  debugInfo: FakeDebugInfo;
  innerError: OfficeExtension.Error = null as unknown as OfficeExtension.Error;
  override stack: string;

  constructor(code: string, message: string, debugInfo: Partial<OfficeExtension.DebugInfo> = {}) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.code = code;
    this.stack = new Error(message).stack ?? "";
    this.debugInfo = {
      ...debugInfo,
      code,
      message,
      toString() {
        return JSON.stringify(this);
      },
    };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** A host-side failure raised while a batch runs; the context turns it into a FakeOfficeError with debug info. */
export class HostFailure {
  constructor(
    readonly code: ErrorCodeValue,
    readonly reason: string,
  ) {}
  message(): string {
    return this.reason ? `${DOC_MESSAGES[this.code]} — ${this.reason}` : DOC_MESSAGES[this.code];
  }
}

/** Throw inside an operation that runs at sync time. */
export function fail(code: ErrorCodeValue, reason: string): never {
  throw new HostFailure(code, reason);
}

export function docMessage(code: ErrorCodeValue): string {
  return DOC_MESSAGES[code];
}

/** Client-side errors thrown synchronously by the proxy layer (exact Office.js wording). */
export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCode.propertyNotLoaded, DOC_MESSAGES.PropertyNotLoaded.replace("{0}", property));
}

export function valueNotLoaded(): FakeOfficeError {
  return new FakeOfficeError(ErrorCode.valueNotLoaded, DOC_MESSAGES.ValueNotLoaded);
}

export function clientError(code: ErrorCodeValue, reason = "", errorLocation?: string): FakeOfficeError {
  const message = reason ? `${DOC_MESSAGES[code]} — ${reason}` : DOC_MESSAGES[code];
  return new FakeOfficeError(code, message, errorLocation ? { errorLocation } : {});
}
