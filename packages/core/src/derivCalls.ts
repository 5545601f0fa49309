/**
 * Type-level helpers over a call map ({@link DerivCalls} or {@link DerivNewApiCalls}): which call a
 * request object is, and what it sends and receives. Types only, no runtime code.
 *
 * @packageDocumentation
 */
import type { DerivCalls } from './generated/derivApiTypes.js';

/** What a call map holds for each call: the request it sends and the reply it gets. */
export interface DerivCallTypes {
  request: object;
  response: object;
}

/** A map from call name to {@link DerivCallTypes}, such as {@link DerivCalls}. */
export type DerivCallMap<Calls> = { [Name in keyof Calls]: DerivCallTypes };

/** The name of a call, e.g. `'ticks_history'`. */
export type DerivCallName<Calls extends DerivCallMap<Calls> = DerivCalls> = keyof Calls & string;

/** The request type of one call: `DerivRequestFor<'balance'>` is `{ balance?: 1; account?: string; ... }`. */
export type DerivRequestFor<
  Name extends keyof Calls,
  Calls extends DerivCallMap<Calls> = DerivCalls,
> = Calls[Name]['request'];

/** The reply type of one call: `DerivResponseFor<'balance'>` has `balance?: { balance: number; ... }`. */
export type DerivResponseFor<
  Name extends keyof Calls,
  Calls extends DerivCallMap<Calls> = DerivCalls,
> = Calls[Name]['response'];

/** Any request of the map: the union of every call's request type. */
export type DerivRequest<Calls extends DerivCallMap<Calls> = DerivCalls> = {
  [Name in keyof Calls]: Calls[Name]['request'];
}[keyof Calls];

/**
 * The call a request object is: the call-name key it holds whose request type it satisfies.
 *
 * @remarks
 * The key alone is not enough: some requests carry another call's name as a field
 * (`active_symbols` takes a `landing_company` filter), so a candidate counts only when the
 * request fits that call's request type. `never` when no call fits.
 *
 * @example
 * ```ts
 * type Name = CallNameOf<{ ticks_history: 'R_100'; end: 'latest' }>; // 'ticks_history'
 * type Other = CallNameOf<{ active_symbols: 'brief'; landing_company: 'svg' }>; // 'active_symbols'
 * ```
 */
// Distributes over the candidate names (one or two in practice), keeping those whose request type
// the request fits exactly: `{ active_symbols, landing_company }` also extends `landing_company`'s
// request (extends ignores extra keys), which has no `active_symbols` field.
export type CallNameOf<Request, Calls extends DerivCallMap<Calls> = DerivCalls> =
  Extract<keyof Request, keyof Calls> extends infer Candidate
    ? Candidate extends keyof Calls
      ? Request extends Calls[Candidate]['request']
        ? [Exclude<keyof Request, keyof Calls[Candidate]['request']>] extends [never]
          ? Candidate
          : never
        : never
      : never
    : never;

/**
 * A request checked field by field: any key its call's request type does not declare becomes
 * `never` (in nested objects too), so a misspelled field is a compile error even though the
 * request is a generic argument.
 *
 * @remarks
 * TypeScript checks a fresh object literal for unknown keys only against a concrete type, not
 * against a type parameter's constraint: `send<R extends DerivRequest>(request: R)` accepts
 * `{ ticks_history: 'R_100', end: 'latest', stlye: 'ticks' }` (wrong values, such as an enum
 * outside its literals, do fail the constraint). Type the parameter as `ExactDerivRequest<R>` and
 * make `R` a `const` type parameter: without `const`, the intersection stops TypeScript from
 * keeping `'candles'` a literal while inferring `R`, and enum fields would widen to `string`.
 *
 * @example
 * ```ts
 * declare function send<const R extends DerivRequest>(
 *   request: ExactDerivRequest<R>,
 * ): Promise<DerivResponseFor<CallNameOf<R>>>;
 * ```
 */
// The shape is every candidate call's request (a request naming two calls, such as
// active_symbols with a landing_company filter, may use both); when the request names no call,
// nothing is marked, since the `DerivRequest` constraint reports that case better.
export type ExactDerivRequest<Request, Calls extends DerivCallMap<Calls> = DerivCalls> = Request &
  NoInfer<
    Extract<keyof Request, keyof Calls> extends infer Candidate
      ? [Candidate] extends [never]
        ? unknown
        : ExactDerivFields<
            Request,
            Candidate extends keyof Calls ? Calls[Candidate]['request'] : never
          >
      : never
  >;

/**
 * `Value`'s keys that `Shape` does not declare, as `never`, in nested objects too: the check
 * behind {@link ExactDerivRequest}. Where the shape is a union of objects (a `oneOf`), the value
 * must fit one branch. Stops where the shape is open (an index signature) or an array.
 */
export type ExactDerivFields<Value, Shape> = Value extends readonly unknown[]
  ? unknown
  : Value extends object
    ? // Distributes over Shape: against a union of objects, Value must fit one of them exactly.
      Shape extends object
      ? string extends keyof Shape
        ? unknown
        : {
            [Key in keyof Value]: Key extends keyof Shape
              ? ExactDerivFields<Value[Key], NonNullable<Shape[Key]>>
              : never;
          }
      : unknown
    : unknown;
