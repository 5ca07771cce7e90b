/**
 * The encoding of a CSV file, decided by validity and never silently wrong: the probes (a UTF-8 file with
 * one Latin-1 byte, a pure Latin-1 file), Big5 files as Excel in Taiwan saves them, GB18030 vs Big5 on real sample
 * text, and --encoding. Sample files are made with iconv-lite, an encoder independent of the TextDecoder we read with.
 */
import iconv from "iconv-lite";
import fc from "fast-check";
import { decodeBook } from "../../src/book/codec";
import { checkCsvFile, csvTable } from "../../src/cli/csv";
import { commonShare, decodeCsv, encodingOption, MIN_COMMON_SHARE } from "../../src/cli/csvEncoding";
import { runCli } from "../../src/cli/run";
import { UsageError } from "../../src/cli/usage";
import { memoryIo, readWorkbookTables } from "./helpers";

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
const gb = (s: string) => new Uint8Array(iconv.encode(s, "gb18030"));
const big5 = (s: string) => new Uint8Array(iconv.encode(s, "big5"));

/** Everyday simplified-Chinese client data, as a mainland manager's CSV holds it. */
const SIMPLIFIED = [
  "客户编号,姓名,性别,生日,电话,地址,职业,备注",
  "C0001,张伟,男,1980-03-05,13812345678,北京市朝阳区建国路88号,企业主,喜欢稳健理财，下月到期一笔定期存款",
  "C0002,王芳,女,1975-11-20,13987654321,上海市浦东新区世纪大道100号,医生,关注子女教育金和重疾保障",
  "C0003,李娜,女,1990-06-01,13700001111,广州市天河区珠江新城,教师,风险偏好保守，每季度检视一次",
].join("\r\n");

/** Everyday traditional-Chinese client data, as a Taiwan manager's CSV holds it. */
const TRADITIONAL = [
  "客戶編號,姓名,性別,生日,電話,地址,職業,備註",
  "T0001,陳志明,男,1978-04-12,0912345678,台北市信義區松仁路100號,企業主,偏好定期定額基金，下個月再談保險規劃",
  "T0002,林美玲,女,1982-09-30,0922333444,新北市板橋區文化路一段,護理師,關心子女教育金與醫療險",
  "T0003,黃建國,男,1969-12-01,0933555666,台中市西屯區台灣大道三段,退休公務員,風險承受度保守，每半年檢視一次",
].join("\r\n");

describe("the issue's probes", () => {
  test("a UTF-8 file with one Latin-1 byte: 张三 reads right, the bad line is reported (line, bytes), not read as GB18030", () => {
    const d = decodeCsv(bytes("Client ID,Name,Notes\r\nM1,\xe5\xbc\xa0\xe4\xb8\x89,ok\r\nM2,Jos\xe9,x\r\n"));
    expect(d.encoding).toBe("utf-8");
    expect(d.text.split("\r\n")[1]).toBe("M1,张三,ok");
    expect(d.text).not.toContain("寮犱笁");
    expect(d.badLines).toEqual([{ line: 3, encoding: "UTF-8", bytes: "E9 2C", latin1: "M2,José,x" }]);
  });

  test("through the command: the good line imports, the bad one is a row error naming file, line and column; exit 1", async () => {
    const io = memoryIo({ "m.csv": bytes("Client ID,Name,Notes\r\nM1,\xe5\xbc\xa0\xe4\xb8\x89,ok\r\nM2,Jos\xe9,x\r\n") });
    expect(await runCli(["import", "m.csv", "--out", "m.xlsx"], io)).toBe(1);
    expect(io.err).toMatch(/^m\.csv:3: Name: bytes E9 2C are not valid UTF-8 text, so the line cannot be read safely and was not imported \(as Latin-1 it reads "M2,José,x"\)/);
    const wb = await readWorkbookTables(io.files.get("m.xlsx")!);
    const clients = wb.tables.find((t) => t.tableName === "Clients")!.table;
    expect(clients.rows.map((r) => r.slice(0, 2))).toEqual([["M1", "张三"]]);
    // the rejected line is on the import-errors sheet (its bad byte shown as U+FFFD, never as a wrong character)
    const errors = [...wb.grids.entries()].find(([name]) => /Import errors/.test(name))![1];
    expect(errors.some((row) => row.includes("Jos\uFFFD"))).toBe(true);
  });

  test("a pure Latin-1 file is not decoded as GB18030 or Big5 mojibake: ASCII lines import, the others are reported", () => {
    const d = decodeCsv(bytes("Client ID,Name,Notes\r\nM1,M\xfcller,ok\r\nM2,Jos\xe9,x\r\nM3,Plain,y\r\n"));
    expect(d.badLines.map((b) => [b.line, b.encoding, b.latin1])).toEqual([
      [2, "UTF-8, GB18030 or Big5", "M1,Müller,ok"],
      [3, "UTF-8, GB18030 or Big5", "M2,José,x"],
    ]);
    expect(d.text).toContain("M3,Plain,y");
    // "Müller" is valid GB18030 (FC 6C) and Big5 bytes: validity alone would have accepted the mojibake
    expect(() => new TextDecoder("gb18030", { fatal: true }).decode(bytes("M\xfcller"))).not.toThrow();
    expect(commonShare(bytes("M\xfcller"), "gb18030")).toBeLessThan(MIN_COMMON_SHARE);
  });

  test("--encoding windows-1252 reads the Latin-1 file whole", async () => {
    const io = memoryIo({ "l.csv": bytes("Client ID,Name,Notes\r\nM1,M\xfcller,ok\r\nM2,Jos\xe9,x\r\n") });
    expect(await runCli(["import", "l.csv", "--out", "l.xlsx", "--encoding", "latin1"], io)).toBe(0);
    const wb = await readWorkbookTables(io.files.get("l.xlsx")!);
    expect(wb.tables.find((t) => t.tableName === "Clients")!.table.rows.map((r) => r[1])).toEqual(["Müller", "José"]);
    expect(io.out).toMatch(/read l\.csv: windows-1252/);
  });
});

describe("GB18030 and Big5", () => {
  test("a Big5 file from Excel in Taiwan reads right (it is valid GB18030 too: the score decides)", () => {
    const b = big5(TRADITIONAL);
    expect(() => new TextDecoder("gb18030", { fatal: true }).decode(b)).not.toThrow();
    const d = decodeCsv(b);
    expect(d).toMatchObject({ encoding: "big5", text: TRADITIONAL, badLines: [] });
  });

  test("a GB18030 file of simplified text reads as GB18030 (it is valid Big5 too)", () => {
    const g = gb(SIMPLIFIED);
    expect(() => new TextDecoder("big5", { fatal: true }).decode(g)).not.toThrow();
    expect(decodeCsv(g)).toMatchObject({ encoding: "gb18030", text: SIMPLIFIED, badLines: [] });
  });

  test("the scores on the samples: each text's own encoding near 1, the other clearly lower (measured: Big5 as GB 0.43, GB as Big5 0.55)", () => {
    expect(commonShare(gb(SIMPLIFIED), "gb18030")).toBe(1);
    expect(commonShare(big5(TRADITIONAL), "big5")).toBe(1);
    expect(commonShare(big5(TRADITIONAL), "gb18030")).toBeLessThan(0.6);
    expect(commonShare(gb(SIMPLIFIED), "big5")).toBeLessThan(0.7);
  });

  test("without header words (data lines only) the score alone still decides both ways", () => {
    const dataOnly = (s: string) => s.split("\r\n").slice(1).join("\r\n");
    expect(decodeCsv(big5(dataOnly(TRADITIONAL))).encoding).toBe("big5");
    expect(decodeCsv(gb(dataOnly(SIMPLIFIED))).encoding).toBe("gb18030");
  });

  test("traditional text saved as GB18030 (GBK holds traditional forms) still reads as GB18030", () => {
    expect(decodeCsv(gb(TRADITIONAL))).toMatchObject({ encoding: "gb18030", text: TRADITIONAL });
  });

  test("through the command: a Big5 clients file imports with its names and zh-TW headers", async () => {
    const io = memoryIo({ "tw.csv": big5(TRADITIONAL) });
    expect(await runCli(["import", "tw.csv", "--out", "tw.xlsx"], io)).toBe(0);
    expect(io.out).toMatch(/read tw\.csv: big5; zh-TW/);
    const wb = await readWorkbookTables(io.files.get("tw.xlsx")!);
    expect(wb.tables.find((t) => t.tableName === "Clients")!.table.rows.map((r) => r[1])).toEqual(["陳志明", "林美玲", "黃建國"]);
  });

  test("property: any text of common simplified or traditional characters reads back in its own encoding", () => {
    const simp = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
    const trad = "的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處隊南給色光門即保治北造百規熱領七海口東導器壓志世金增爭濟階油思術極交受聯什認六共權收證改清己美再採轉更單風切打白教速花帶安場身車例真務具萬每目至達走積示議聲報鬥完類八離華名確才科張信馬節話米整空元況今集溫傳土許步群廣石記需段研界拉林律叫且究觀越織裝影算低持音眾書布復容兒須際商非驗連斷深難近礦千週委素技備半辦青省列習響約支般史感勞便團往酸歷市克何除消構府稱太準精值號率族維劃選標寫存候毛親快效斯院查江型眼王按格養易置派層片始卻專狀育廠京識適屬圓包火住調滿縣局照參紅細引聽該鐵價嚴";
    const line = (chars: string) => fc.array(fc.constantFrom(...chars), { minLength: 6, maxLength: 40 }).map((a) => a.join(""));
    fc.assert(
      fc.property(fc.array(line(simp), { minLength: 2, maxLength: 6 }), (lines) => {
        const text = `C1,${lines.join("\r\nC2,")}`;
        const d = decodeCsv(gb(text));
        return d.encoding === "gb18030" && d.text === text;
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(fc.array(line(trad), { minLength: 2, maxLength: 6 }), (lines) => {
        const text = `C1,${lines.join("\r\nC2,")}`;
        const d = decodeCsv(big5(text));
        return d.encoding === "big5" && d.text === text;
      }),
      { numRuns: 60 },
    );
  });
});

describe("other files", () => {
  test("UTF-8 with and without BOM and UTF-16 with BOM read as before, with no bad lines", () => {
    const t = "客户编号,姓名\r\nC1,张伟\r\n";
    expect(decodeCsv(new TextEncoder().encode(t))).toEqual({ text: t, encoding: "utf-8", badLines: [], detected: true });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)]))).toEqual({ text: t, encoding: "utf-8", badLines: [], detected: false });
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, ...iconv.encode(t, "utf-16le")]))).toMatchObject({ text: t, encoding: "utf-16le" });
  });

  test("a bad line inside a quoted multi-line cell rejects the record it belongs to", () => {
    const d = decodeCsv(bytes('Client ID,Name,Notes\r\nM1,Ann,"first\r\nJos\xe9"\r\nM2,Bob,x\r\n'));
    const t = csvTable(d.text, "m.csv", "clients", "m.csv", d.badLines);
    const read = decodeBook({ clients: t });
    expect(read.book.clients.map((c) => c.clientId)).toEqual(["M2"]);
    expect(read.errors).toEqual([expect.objectContaining({ row: 2, code: "badEncoding", column: "Notes" })]);
  });

  test("a bad header line is a usage error: nothing can be read safely", () => {
    const d = decodeCsv(bytes("Client ID,N\xe4me\r\nM1,Ann\r\n"), "utf-8");
    expect(() => csvTable(d.text, "m.csv", "clients", "m.csv", d.badLines)).toThrow(UsageError);
  });

  test("--encoding accepts the usual labels and refuses unknown ones", () => {
    expect(["GBK", "cp950", "Big5", "utf8", "latin1", "UTF-16LE"].map(encodingOption)).toEqual(["gbk", "big5", "big5", "utf-8", "windows-1252", "utf-16le"]);
    expect(() => encodingOption("klingon")).toThrow(/--encoding: unknown encoding "klingon"/);
  });

  test("an .xlsx or .xls given as a CSV is named for what it is, by its bytes whatever its name", () => {
    expect(() => checkCsvFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]), "book.csv")).toThrow(
      /^book\.csv: this is an \.xlsx workbook, not a CSV file — use `clientbook build` .* \/ 这是 \.xlsx 工作簿，不是 CSV 文件.* \/ 這是 \.xlsx 活頁簿，不是 CSV 檔/,
    );
    expect(() => checkCsvFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), "old.csv")).toThrow(/old \.xls workbook/);
  });
});
