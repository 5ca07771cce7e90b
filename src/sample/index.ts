/** Seeded sample client books (see generate.ts). */
export { generateBook, sampleBook, SAMPLE_SEED, SAMPLE_CLIENTS, MAX_CLIENTS, type GenerateOptions } from "./generate";
export { isValidCnId, isValidTwId, CN_MOBILE_RE, TW_MOBILE_RE } from "./identity";
export { TWD_PER_CNY } from "./context";
