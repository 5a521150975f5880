import { AppError } from '../../errors.ts';

/**
 * The two openrouteservice services this app speaks, with the base of their error codes
 * (ORS `MatrixErrorCodes.BASE`, `IsochronesErrorCodes.BASE`).
 */
export type OrsService = 'matrix' | 'isochrones';
export const ORS_CODE_BASE: Record<OrsService, number> = { matrix: 6000, isochrones: 3000 };

/**
 * Offsets of ORS's internal error codes (error-codes.md): `base + offset` is the code a client
 * sees, e.g. 6004 or 3012. Not every offset exists in both services (10: matrix only; 5, 12:
 * isochrones only); each refusal below uses the one ORS uses in that place.
 */
export const OrsCode = {
  INVALID_JSON_FORMAT: 0,
  MISSING_PARAMETER: 1,
  INVALID_PARAMETER_FORMAT: 2,
  INVALID_PARAMETER_VALUE: 3,
  PARAMETER_VALUE_EXCEEDS_MAXIMUM: 4,
  FEATURE_NOT_SUPPORTED: 5,
  UNSUPPORTED_EXPORT_FORMAT: 7,
  POINT_NOT_FOUND: 10,
  UNKNOWN_PARAMETER: 11,
  PARAMETER_VALUE_EXCEEDS_MINIMUM: 12,
  UNKNOWN: 99,
} as const;

/**
 * A refusal of the ORS-compatible API, part of the app's error family. `offset` (see {@link
 * OrsCode}) becomes the service's code when rendered; `undefined` gives ORS's code-less generic
 * error (an unknown path or method). Messages are ORS's own sentences.
 */
export class OrsError extends AppError {
  constructor(
    status: number,
    readonly offset: number | undefined,
    message: string,
  ) {
    super(status, 'ors', message);
  }

  /** The code a client of `service` sees, or undefined for a generic error. */
  code(service: OrsService): number | undefined {
    return this.offset === undefined ? undefined : ORS_CODE_BASE[service] + this.offset;
  }
}

// ORS's exception classes, as their messages read (org.heigit.ors.exceptions).

/** `MissingParameterException`: "Parameter 'range' is missing." */
export const missingParameter = (name: string) => new OrsError(400, OrsCode.MISSING_PARAMETER, `Parameter '${name}' is missing.`);

/** `ParameterValueException` for a value of the wrong type: "Parameter 'x' has incorrect value or format." */
export const invalidFormat = (name: string) => new OrsError(400, OrsCode.INVALID_PARAMETER_FORMAT, `Parameter '${name}' has incorrect value or format.`);

/** `ParameterValueException` for a value out of its domain. */
export const invalidValue = (name: string, value?: unknown) =>
  new OrsError(
    400,
    OrsCode.INVALID_PARAMETER_VALUE,
    value === undefined ? `Parameter '${name}' has incorrect value or format.` : `Parameter '${name}' has incorrect value of '${String(value)}'.`,
  );

/** `UnknownParameterException`: "Unknown parameter 'rangeee'." */
export const unknownParameter = (name: string) => new OrsError(400, OrsCode.UNKNOWN_PARAMETER, `Unknown parameter '${name}'.`);

/** `ParameterOutOfRangeException(code, name, value, max)`. */
export const outOfRange = (offset: number, name: string, value: string, max: string) =>
  new OrsError(400, offset, `Parameter '${name}=${value}' is out of range. Maximum possible value is ${max}.`);

/** `ServerLimitExceededException`. */
export const serverLimitExceeded = (offset: number, message: string) =>
  new OrsError(400, offset, `Request parameters exceed the server configuration limits. ${message}`);

/** Java's `Double.toString` for the values ORS quotes in its messages (600 → "600.0"). */
export function javaDouble(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e7 ? v.toFixed(1) : String(v);
}
