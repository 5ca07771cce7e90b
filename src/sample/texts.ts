/** Words managers write: hobbies, tags, contact windows, confidential notes and contact summaries. */
import type { T } from "./context";

export const HOBBIES: readonly T[] = [
  ["高尔夫", "高爾夫"], ["摄影", "攝影"], ["茶道", "茶道"], ["旅游", "旅遊"], ["瑜伽", "瑜伽"], ["登山", "登山"],
  ["钓鱼", "釣魚"], ["书法", "書法"], ["收藏", "收藏"], ["红酒", "紅酒"], ["马拉松", "馬拉松"], ["网球", "網球"],
  ["羽毛球", "羽毛球"], ["游泳", "游泳"], ["烘焙", "烘焙"], ["古典音乐", "古典音樂"], ["读书", "閱讀"], ["太极", "太極"],
  ["骑行", "單車"], ["园艺", "園藝"],
];

export const TAG = {
  kids: ["有小孩", "有小孩"],
  newFund: ["喜欢新基金", "喜歡新基金"],
  noCallAtWork: ["工作时间勿电", "上班時間勿電"],
  retirement: ["退休规划", "退休規劃"],
  highNetWorth: ["高净值", "高資產客戶"],
  studyAbroad: ["子女留学", "子女留學"],
  mortgage: ["房贷客户", "房貸客戶"],
  owner: ["企业主", "企業主"],
  fx: ["关注外币理财", "關注外幣理財"],
  referral: ["转介绍", "轉介紹"],
  pension: ["养老规划", "養老規劃"],
  insured: ["保险意识强", "保險意識強"],
  capitalSafe: ["偏好保本", "偏好保本"],
} as const satisfies Record<string, T>;

/** Contact windows; the first is the one the Today page and the call warning look for. */
export const WINDOWS: readonly T[] = [
  ["工作时间勿电", "上班時間勿電"],
  ["晚上7点后方便", "晚上七點後方便"],
  ["周末方便", "週末方便"],
  ["午休12:00-13:00可电", "午休12:00-13:00可來電"],
  ["上午10点前勿电", "上午十點前勿電"],
  ["仅邮件联系", "僅電子郵件聯絡"],
];
export const NO_CALL_AT_WORK = 0;
export const MAIL_ONLY = 5;

export const RETIRED_WORK: T = ["退休", "退休"];

export const NOTE = {
  studyNextYear: (daughter: boolean): T =>
    daughter ? ["女儿明年留学，关注外币理财", "女兒明年出國留學，關注外幣理財"] : ["儿子明年出国留学，关注外币理财", "兒子明年出國留學，關注外幣理財"],
  gaokao: (daughter: boolean): T => (daughter ? ["女儿明年高考", "女兒明年學測"] : ["儿子明年高考", "兒子明年學測"]),
  abroadFees: (daughter: boolean, school: string): T =>
    daughter
      ? [`女儿在${school}读书，每年汇学费`, `女兒在${school}就讀，每年匯學費`]
      : [`儿子在${school}读书，每年汇学费`, `兒子在${school}就讀，每年匯學費`],
  fatherInHospital: ["父亲住院，关注医疗险和长期护理", "父親住院，關注醫療險和長照"] as T,
  expandBusiness: ["公司计划扩大生产，年底可能需要经营贷", "公司計畫擴廠，年底可能需要週轉金"] as T,
  prepay: (amount: string): T => [`房贷利率偏高，考虑提前还款${amount}`, `房貸利率偏高，考慮提前還款${amount}`],
  moveHouse: ["准备换房，半年内可能有大额资金流出", "準備換屋，半年內可能有大額資金流出"] as T,
  spouseElsewhere: ["配偶在他行有大额存款，可争取", "配偶在他行有大額存款，可爭取"] as T,
  volatility: ["对净值波动敏感，上次基金回撤后很谨慎", "對淨值波動敏感，上次基金回檔後很謹慎"] as T,
  pensionHere: ["退休金每月到账本行，偏好保本产品", "退休金每月入帳本行，偏好保本商品"] as T,
  familyTrust: ["考虑设立家族信托，需要私行团队支持", "考慮設立家族信託，需要私人銀行團隊支援"] as T,
  // Managers write bullets; a note starting with "-" or "+" must stay text in Excel.
  bringPlan: ["- 下次见面带年金险计划书", "- 下次見面帶年金險建議書"] as T,
  referral: ["+1 转介绍：同事李女士想开户", "+1 轉介紹：同事李小姐想開戶"] as T,
  downgraded: ["重新评估后风险等级下调，原持仓保留", "重新評估後風險等級下調，原持倉保留"] as T,
  lostSpouse: ["配偶去年过世，注意沟通方式", "配偶去年過世，注意溝通方式"] as T,
};

export const FAMILY_NOTE = {
  bloodPressure: ["有高血压，关注医疗险", "有高血壓，關注醫療險"] as T,
  alsoClient: ["也在本行开户", "也在本行開戶"] as T,
  sister: ["妹妹，在本行也有账户", "妹妹，在本行也有帳戶"] as T,
};

/** Contact summaries by occasion. `p` is a product name, `h` a hobby, already in the book's script. */
export const SUMMARY = {
  greeting: ["电话问候，了解近况", "電話問候，了解近況"] as T,
  birthday: ["生日电话祝福", "生日電話祝福"] as T,
  newFund: (p: string): T => [`介绍新发基金${p}，客户表示考虑`, `介紹新募基金${p}，客戶表示考慮`],
  maturity: (p: string): T => [`提醒${p}即将到期，客户倾向续作`, `提醒${p}即將到期，客戶傾向續作`],
  volatility: ["市场波动，电话沟通基金持仓，客户决定继续持有", "市場波動，電話溝通基金持倉，客戶決定續抱"] as T,
  prepay: ["客户咨询房贷提前还款流程", "客戶詢問房貸提前還款流程"] as T,
  assessment: ["提醒风险测评即将到期，约来网点重新评估", "提醒風險屬性評估即將到期，約至分行重新評估"] as T,
  marketMail: ["发送月度市场观点", "寄送月度市場觀點"] as T,
  fundMail: (p: string): T => [`发送${p}产品说明书`, `寄送${p}商品說明書`],
  policyMail: ["发送保单检视报告", "寄送保單檢視報告"] as T,
  reviewMeeting: ["网点面谈，完成资产检视", "分行面談，完成資產檢視"] as T,
  reviewMail: ["发送资产检视表，附持仓说明", "寄送資產檢視表，附持倉說明"] as T,
  reviewCall: ["电话讲解资产检视表，客户无法到网点", "電話說明資產檢視表，客戶無法親臨分行"] as T,
  protectionVisit: ["上门拜访，讨论家庭保障规划，建议补充重疾险", "到府拜訪，討論家庭保障規劃，建議補強重大傷病保障"] as T,
  salon: (h: string): T => [`参加客户沙龙（${h}主题）`, `參加客戶沙龍（${h}主題）`],
  cdVisit: ["陪同客户办理大额存单", "陪同客戶辦理定存"] as T,
  educationVisit: ["网点面谈，讨论子女教育金规划", "分行面談，討論子女教育金規劃"] as T,
  businessLunch: ["午餐会面，了解企业经营和资金需求", "午餐會面，了解公司營運與資金需求"] as T,
  pensionVisit: ["面谈养老规划，介绍年金险", "面談退休規劃，介紹年金險"] as T,
  fxCall: ["电话沟通外币理财，客户关注美元存款利率", "電話討論外幣理財，客戶關注美元定存利率"] as T,
  appointment: ["电话约见面时间", "電話約見面時間"] as T,
};

export const NEXT_ACTIONS: readonly T[] = [
  ["下周回访确认购买意向", "下週回訪確認購買意向"],
  ["寄送产品资料", "寄送商品資料"],
  ["预约风险测评", "預約風險屬性評估"],
  ["整理保单检视报告", "整理保單檢視報告"],
  ["到期前一周提醒续作", "到期前一週提醒續作"],
  ["邀请参加季度策略会", "邀請參加季度投資策略會"],
];
