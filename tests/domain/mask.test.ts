import fc from "fast-check";
import { detectKind, mask, maskEmail, maskIdNumber, maskName, maskPhone, parseMaskKind, type MaskKind } from "../../src/domain/mask";

describe("maskPhone", () => {
  test.each<[string, string]>([
    ["13812345678", "138****5678"],
    [" 138 1234 5678 ", "138 **** 5678"],
    ["138-1234-5678", "138-****-5678"],
    ["+86 138 1234 5678", "+86 138 **** 5678"],
    ["+8613812345678", "+86138****5678"],
    ["+86-13812345678", "+86-138****5678"],
    ["0086 13812345678", "0086 138****5678"],
    ["86 13812345678", "86 138****5678"],
    ["8613812345678", "86138****5678"],
    ["１３８１２３４５６７８", "138****5678"], // full-width digits
    ["010-12345678", "010-****5678"], // landline: first 3 and last 4
    ["0755-88881234", "0755-****1234"], // 4-digit area code kept (was 075*-****1234)
    ["02-2345-6789", "02-****-6789"], // Taipei landline
    ["(02) 2345 6789", "(02) **** 6789"],
    ["(010) 1234 5678", "(010) **** 5678"],
    ["+852 9123 4567", "+852 **** 4567"], // 8-digit national number: last 4 only
    ["(852) 9123 4567", "(852) **** 4567"],
    ["(+853) 6612 3456", "(+853) **** 3456"],
    // Taiwan mobile, written 09xx-xxx-xxx: the middle group (issue #15 saw 098*-**3-497)
    ["0912-345-678", "0912-***-678"],
    ["0987-653-497", "0987-***-497"],
    ["0912345678", "0912***678"],
    ["+886 912 345 678", "+886 912 *** 678"],
    ["+886-912-345-678", "+886-912-***-678"],
    ["9123 4567", "**** 4567"], // Hong Kong without its code
    ["6612-3456", "****-3456"], // Macau
    ["+1 415 555 0123", "+1 41* *** 0123"], // unknown country code: counted as national digits
    ["88881234", "****1234"],
    ["1234567", "*****67"],
    ["1234", "****"],
    ["12", "**"],
    ["138abcd5678", "*********78"], // letters are hidden too (7 digits: last 2 kept)
    ["no phone", "***"],
    ["", ""],
  ])("%p → %p", (input, want) => expect(maskPhone(input)).toBe(want));

  // Each region's rule on any number of its plan (the rule: src/domain/mask.ts; the plans: MIIT 1[3-9] mobiles,
  // NCC 09 mobiles, OFCA 8-digit numbers).
  const digitsOf = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
  test("mainland 3-4-4, Taiwan 4-3-3 (+886: 3-3-3), Hong Kong 4-4: the middle or first group hidden", () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 9 }), digitsOf(9), (second, d) => {
      const n = `1${second}${d}`;
      expect(maskPhone(n)).toBe(`${n.slice(0, 3)}****${n.slice(7)}`);
      expect(maskPhone(`+86 ${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`)).toBe(`+86 ${n.slice(0, 3)}-****-${n.slice(7)}`);
    }));
    fc.assert(fc.property(digitsOf(8), (d) => {
      expect(maskPhone(`09${d.slice(0, 2)}-${d.slice(2, 5)}-${d.slice(5)}`)).toBe(`09${d.slice(0, 2)}-***-${d.slice(5)}`);
      expect(maskPhone(`+886 9${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`)).toBe(`+886 9${d.slice(0, 2)} *** ${d.slice(5)}`);
      expect(maskPhone(`+852 ${d.slice(0, 4)} ${d.slice(4)}`)).toBe(`+852 **** ${d.slice(4)}`);
    }));
  });
});

describe("maskIdNumber", () => {
  test.each<[string, string]>([
    ["110101199003071234", "110101********1234"], // 18-digit mainland
    ["11010119900307123X", "110101********123X"],
    ["11010119900307123x", "110101********123x"],
    ["110101900307123", "110101*****7123"], // 15-digit mainland
    ["110101 19900307 1234", "110101 ******** 1234"],
    ["A123456(7)", "A1****6(7)"], // Hong Kong
    ["AB987654(3)", "AB*****4(3)"],
    ["A123456789", "A1******89"], // Taiwan
    ["E12345678", "E1*****78"], // mainland passport
    ["12345", "****5"],
    ["---", "***"],
    ["", ""],
  ])("%p → %p", (input, want) => expect(maskIdNumber(input)).toBe(want));
});

describe("maskName", () => {
  test.each<[string, string]>([
    ["张伟", "张*"],
    ["张三丰", "张**"],
    [" 李娜 ", "李*"],
    ["欧阳娜娜", "欧阳**"],
    ["欧阳修", "欧阳*"],
    ["歐陽娜娜", "歐陽**"],
    ["司马相如", "司马**"],
    ["诸葛亮", "诸葛*"],
    ["上官婉儿", "上官**"],
    ["慕容复", "慕容*"],
    ["欧阳", "欧*"], // two characters: a one-character surname 欧 and given name 阳
    ["张", "*"],
    ["李 雷", "李 *"],
    ["阿卜杜拉·买买提", "阿***·***"],
    ["John Smith", "J*** S****"],
    ["Chan Tai Man", "C*** T** M**"],
    ["Mary-Jane O'Neil", "M***-J*** O'****"],
    ["Zhang Wei", "Z**** W**"],
    ["José Álvarez", "J*** Á******"],
    ["R2D2", "R*D*"],
    ["J K", "J *"], // single-letter words: only the first letter stays
    ["J", "*"], // one-character name: the initial is the whole name, so nothing stays (fail closed)
    ["J.", "*."],
    [" A ", "*"],
    ["", ""],
  ])("%p → %p", (input, want) => expect(maskName(input)).toBe(want));
});

describe("maskEmail", () => {
  test.each<[string, string]>([
    ["zhangwei@example.com", "z***@example.com"],
    ["a@b.cn", "***@b.cn"], // a one-character local part is the whole of it: fail closed
    ["ab@b.cn", "a***@b.cn"],
    [" Li.Na+bank@mail.qq.com ", "L***@mail.qq.com"],
    ["张伟@公司.中国", "张***@公司.中国"],
    ["x@y@z.com", "x***@z.com"],
    ["@x.com", "***@x.com"],
    ["noatsign", "n***"],
    ["", ""],
  ])("%p → %p", (input, want) => expect(maskEmail(input)).toBe(want));
});

describe("detectKind and mask", () => {
  test.each<[string, MaskKind | undefined]>([
    ["13812345678", "phone"],
    ["+86 138-1234-5678", "phone"],
    ["010-12345678", "phone"],
    ["(852) 9123 4567", "phone"],
    ["88881234", "phone"],
    ["110101199003071234", "id"],
    ["11010119900307123X", "id"],
    ["110101900307123", "id"],
    ["A123456(7)", "id"],
    ["a123456789", "id"],
    ["E12345678", "id"],
    ["zhang@example.com", "email"],
    ["张伟", "name"],
    ["欧阳娜娜", "name"],
    ["阿卜杜拉·买买提", "name"],
    ["John Smith", "name"],
    ["上海市浦东新区世纪大道100号", undefined],
    ["12", undefined],
    ["张", undefined],
    ["", undefined],
    ["   ", undefined],
  ])("%p is %p", (input, kind) => expect(detectKind(input)).toBe(kind));

  test("mask uses the detected kind", () => {
    expect(mask("13812345678")).toBe("138****5678");
    expect(mask("110101199003071234")).toBe("110101********1234");
    expect(mask("张三丰")).toBe("张**");
    expect(mask("zhangwei@example.com")).toBe("z***@example.com");
  });
  test("an explicit kind wins over detection", () => {
    expect(mask("13812345678", "id")).toBe("13*******78");
    expect(mask("张三", "phone")).toBe("***");
  });
  test("unrecognised text keeps first and last characters, or nothing when short", () => {
    expect(mask("上海市浦东新区世纪大道100号")).toBe("上*************号");
    expect(mask("12")).toBe("**");
    expect(mask("张")).toBe("*");
    expect(mask("")).toBe("");
  });
  test("property: masking never returns a non-trivial value unchanged", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom<MaskKind | undefined>(undefined, "phone", "id", "name", "email"), (s, kind) => {
        const secret = s.trim();
        fc.pre([...secret].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).length >= 1);
        expect(mask(s, kind)).not.toBe(secret);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseMaskKind", () => {
  test.each<[string, MaskKind]>([
    ["phone", "phone"], ["电话", "phone"], ["手機", "phone"], ["ID", "id"], ["证件号码", "id"], ["身分證", "id"], ["passport", "id"],
    ["Name", "name"], ["姓名", "name"], ["e-mail", "email"], ["邮箱", "email"], ["電郵", "email"],
  ])("%p → %s", (x, k) => expect(parseMaskKind(x)).toEqual({ ok: true, value: k }));
  test.each<unknown>(["address", "", 3, null])("%p is refused", (x) => {
    const r = parseMaskKind(x);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("bad-mask-kind");
      expect(r.error.message["en-US"]).toMatch(/^kind must be phone, id, name or email/);
    }
  });
});
