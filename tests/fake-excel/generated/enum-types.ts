/** The run-time shape of a TypeScript string enum: same keys, each value the member's string literal. */
export type EnumOf<E> = { readonly [K in keyof E]: `${E[K] & string}` };
