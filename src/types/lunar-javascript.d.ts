/** The small part of lunar-javascript (6tail, MIT) that src/domain/lunarCalendar.ts uses; the package ships no types. */
declare module "lunar-javascript" {
  export interface Solar {
    /** "YYYY-MM-DD". */
    toYmd(): string;
  }
  export interface Lunar {
    getSolar(): Solar;
    /** The solar terms around the lunar year, by Chinese name (清明, 冬至 …). */
    getJieQiTable(): Record<string, Solar>;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): Lunar };
  export const Solar: { fromYmd(year: number, month: number, day: number): Solar & { getLunar(): Lunar } };
}
