/**
 * Every categorical value the generator writes, English and Chinese side by side (same index = same
 * latent meaning). The app's default scoring model matches the English strings exactly.
 */

export const REGIONS = ['North America', 'Europe', 'Asia Pacific', 'Latin America', 'Middle East & Africa'];
export const REGIONS_ZH = ['北美', '欧洲', '亚太', '拉美', '中东非洲'];
export const REGION_WEIGHTS = [29, 27, 20, 14, 10];
export const LATIN_AMERICA = 3;

export interface Country {
  name: string;
  zh: string;
  region: number;
  weight: number;
  /** Legal-form suffix used in company names. */
  suffix: string;
}

export const COUNTRIES: readonly Country[] = [
  { name: 'United States', zh: '美国', region: 0, weight: 80, suffix: 'Inc.' },
  { name: 'Canada', zh: '加拿大', region: 0, weight: 20, suffix: 'Ltd.' },
  { name: 'Germany', zh: '德国', region: 1, weight: 24, suffix: 'GmbH' },
  { name: 'United Kingdom', zh: '英国', region: 1, weight: 22, suffix: 'Ltd' },
  { name: 'France', zh: '法国', region: 1, weight: 14, suffix: 'SAS' },
  { name: 'Netherlands', zh: '荷兰', region: 1, weight: 10, suffix: 'B.V.' },
  { name: 'Spain', zh: '西班牙', region: 1, weight: 9, suffix: 'S.L.' },
  { name: 'Italy', zh: '意大利', region: 1, weight: 9, suffix: 'S.r.l.' },
  { name: 'Poland', zh: '波兰', region: 1, weight: 6, suffix: 'Sp. z o.o.' },
  { name: 'Sweden', zh: '瑞典', region: 1, weight: 6, suffix: 'AB' },
  { name: 'Japan', zh: '日本', region: 2, weight: 20, suffix: 'K.K.' },
  { name: 'Australia', zh: '澳大利亚', region: 2, weight: 18, suffix: 'Pty Ltd' },
  { name: 'Singapore', zh: '新加坡', region: 2, weight: 14, suffix: 'Pte. Ltd.' },
  { name: 'India', zh: '印度', region: 2, weight: 20, suffix: 'Pvt. Ltd.' },
  { name: 'China', zh: '中国', region: 2, weight: 18, suffix: 'Co., Ltd.' },
  { name: 'South Korea', zh: '韩国', region: 2, weight: 10, suffix: 'Co., Ltd.' },
  { name: 'Brazil', zh: '巴西', region: 3, weight: 40, suffix: 'Ltda.' },
  { name: 'Mexico', zh: '墨西哥', region: 3, weight: 30, suffix: 'S.A. de C.V.' },
  { name: 'Chile', zh: '智利', region: 3, weight: 12, suffix: 'SpA' },
  { name: 'Colombia', zh: '哥伦比亚', region: 3, weight: 10, suffix: 'S.A.S.' },
  { name: 'Argentina', zh: '阿根廷', region: 3, weight: 8, suffix: 'S.A.' },
  { name: 'United Arab Emirates', zh: '阿联酋', region: 4, weight: 30, suffix: 'LLC' },
  { name: 'South Africa', zh: '南非', region: 4, weight: 25, suffix: '(Pty) Ltd' },
  { name: 'Saudi Arabia', zh: '沙特阿拉伯', region: 4, weight: 20, suffix: 'LLC' },
  { name: 'Nigeria', zh: '尼日利亚', region: 4, weight: 15, suffix: 'Ltd' },
  { name: 'Egypt', zh: '埃及', region: 4, weight: 10, suffix: 'S.A.E.' },
];

export const INDUSTRIES = [
  'Software',
  'Manufacturing',
  'Financial Services',
  'Healthcare',
  'Retail',
  'Logistics',
  'Education',
  'Energy',
  'Construction',
  'Government',
];
export const INDUSTRIES_ZH = [
  '软件',
  '制造业',
  '金融服务',
  '医疗健康',
  '零售',
  '物流',
  '教育',
  '能源',
  '建筑',
  '政府机构',
];
export const INDUSTRY_WEIGHTS = [16, 15, 10, 10, 11, 9, 8, 7, 8, 6];
export const GOVERNMENT = 9;
/** Word that follows the company root, per industry (4 each, all distinct). */
export const INDUSTRY_WORDS = [
  ['Software', 'Systems', 'Digital', 'Labs'],
  ['Industries', 'Manufacturing', 'Components', 'Machinery'],
  ['Capital', 'Finance', 'Partners', 'Bank'],
  ['Health', 'Medical', 'Pharma', 'Care'],
  ['Retail', 'Stores', 'Brands', 'Goods'],
  ['Logistics', 'Freight', 'Shipping', 'Transport'],
  ['Academy', 'Learning', 'Education', 'College'],
  ['Energy', 'Power', 'Solar', 'Resources'],
  ['Construction', 'Builders', 'Engineering', 'Homes'],
  ['Agency', 'Authority', 'Council', 'Department'],
];
/** Chinese business-scope word per industry, used in company names. */
export const INDUSTRY_WORDS_ZH = [
  '科技',
  '机械',
  '投资',
  '医疗',
  '商贸',
  '物流',
  '教育',
  '能源',
  '建设',
  '公共服务',
];

export const SOURCES = [
  'Website',
  'Referral',
  'Trade Show',
  'Paid Search',
  'Webinar',
  'Cold Outreach',
  'Partner',
  'LinkedIn',
];
export const SOURCES_ZH = [
  '官网',
  '转介绍',
  '展会',
  '搜索广告',
  '网络研讨会',
  '陌生开发',
  '合作伙伴',
  '领英',
];
export const SOURCE_WEIGHTS = [22, 10, 11, 16, 10, 12, 8, 11];
export const REFERRAL = 1;

export const OWNERS = [
  'Emma Clarke',
  'Liam Patel',
  'Sofia Rossi',
  'Noah Fischer',
  'Olivia Chen',
  'Lucas Martin',
  'Mia Johnson',
  'Ethan Walker',
  'Hannah Berg',
  'Mateo Alvarez',
  'Grace Kim',
  'Derek Holt',
];
export const OWNERS_ZH = [
  '王芳',
  '李强',
  '张伟',
  '刘洋',
  '陈静',
  '杨磊',
  '赵敏',
  '黄涛',
  '周杰',
  '吴婷',
  '徐明',
  '孙丽',
];
/** The owner whose leads convert worse at equal score (planted effect 3). */
export const WEAK_OWNER = 11;

/** Title class drives decision power and the latent fit effect. */
export type TitleClass = 'exec' | 'director' | 'manager' | 'staff' | 'junior' | 'student';

export interface Title {
  en: string;
  zh: string;
  cls: TitleClass;
  weight: number;
}

export const TITLES: readonly Title[] = [
  { en: 'CEO', zh: '首席执行官', cls: 'exec', weight: 5 },
  { en: 'Founder', zh: '创始人', cls: 'exec', weight: 4 },
  { en: 'VP of Sales', zh: '销售副总裁', cls: 'exec', weight: 4 },
  { en: 'Director of Operations', zh: '运营总监', cls: 'director', weight: 6 },
  { en: 'Sales Director', zh: '销售总监', cls: 'director', weight: 3 },
  { en: 'Head of Procurement', zh: '采购负责人', cls: 'director', weight: 6 },
  { en: 'Head of IT', zh: 'IT负责人', cls: 'director', weight: 3 },
  { en: 'Procurement Manager', zh: '采购经理', cls: 'manager', weight: 10 },
  { en: 'IT Manager', zh: 'IT经理', cls: 'manager', weight: 8 },
  { en: 'Operations Manager', zh: '运营经理', cls: 'manager', weight: 9 },
  { en: 'Engineer', zh: '工程师', cls: 'staff', weight: 10 },
  { en: 'Consultant', zh: '顾问', cls: 'staff', weight: 6 },
  { en: 'Buyer', zh: '采购员', cls: 'staff', weight: 4 },
  { en: 'Marketing Specialist', zh: '市场专员', cls: 'staff', weight: 7 },
  { en: 'Purchasing Assistant', zh: '采购助理', cls: 'junior', weight: 7 },
  { en: 'Student', zh: '学生', cls: 'student', weight: 3 },
  { en: 'Intern', zh: '实习生', cls: 'student', weight: 3 },
];

export const YES_NO = ['No', 'Yes'];
export const YES_NO_ZH = ['否', '是'];

export const TIMEFRAMES = ['Within 1 month', '1-3 months', '3-6 months', '6-12 months', 'No plan'];
export const TIMEFRAMES_ZH = ['1个月内', '1-3个月', '3-6个月', '6-12个月', '暂无计划'];

export const DECISION_STAGES = ['Researching', 'Evaluating', 'Shortlisting', 'Negotiating'];
export const DECISION_STAGES_ZH = ['需求调研', '方案评估', '候选比较', '商务谈判'];

export const DEAL_STAGES = ['Won', 'Lost', 'Qualification', 'Proposal', 'Negotiation'];
export const DEAL_STAGES_ZH = ['赢单', '输单', '需求确认', '方案报价', '商务谈判'];
export const WON = 0;
export const LOST = 1;

export const ACTIVITY_TYPES = [
  'web_visit',
  'pricing_page_visit',
  'content_download',
  'email_open',
  'email_reply',
  'webinar_attended',
  'demo_request',
  'quote_request',
  'call_no_answer',
  'email_bounce',
  'unsubscribe',
  'budget_too_low',
  'unclear_needs',
];

/** Pieces of invented company roots ("Ac" + "" + "me" = "Acme"): 30 × 8 × 30 = 7,200 roots. */
export const ROOT_HEADS = [
  'Ac',
  'Bel',
  'Cor',
  'Dal',
  'Ev',
  'Fen',
  'Gal',
  'Hal',
  'Ior',
  'Jas',
  'Kel',
  'Lum',
  'Mar',
  'Nor',
  'Or',
  'Pel',
  'Quin',
  'Ros',
  'Sol',
  'Tal',
  'Ul',
  'Ver',
  'Wes',
  'Xan',
  'Yor',
  'Zen',
  'Bram',
  'Cres',
  'Tri',
  'Stra',
];
export const ROOT_MIDS = ['', 'a', 'o', 'i', 'en', 'ar', 'el', 'on'];
export const ROOT_TAILS = [
  'me',
  'vex',
  'tra',
  'nix',
  'lor',
  'dex',
  'ton',
  'via',
  'rus',
  'dyn',
  'max',
  'tek',
  'gon',
  'ley',
  'ford',
  'ris',
  'wood',
  'line',
  'bridge',
  'stone',
  'field',
  'port',
  'crest',
  'gate',
  'wave',
  'point',
  'core',
  'sys',
  'lab',
  'works',
];

/** Chinese trade-name characters; a name uses two distinct ones (40 × 39 = 1,560 pairs). */
export const ZH_NAME_CHARS = [
  '华',
  '信',
  '中',
  '科',
  '瑞',
  '达',
  '鑫',
  '盛',
  '宏',
  '远',
  '恒',
  '通',
  '博',
  '创',
  '联',
  '新',
  '天',
  '海',
  '金',
  '安',
  '德',
  '泰',
  '嘉',
  '元',
  '智',
  '源',
  '隆',
  '兴',
  '正',
  '和',
  '东',
  '方',
  '明',
  '光',
  '鼎',
  '凯',
  '润',
  '晨',
  '航',
  '诚',
];
export const ZH_CITIES = [
  '深圳市',
  '上海市',
  '北京市',
  '广州市',
  '杭州市',
  '苏州市',
  '宁波市',
  '东莞市',
  '佛山市',
  '厦门市',
  '南京市',
  '成都市',
  '武汉市',
  '青岛市',
  '天津市',
  '重庆市',
  '长沙市',
  '义乌市',
  '温州市',
  '无锡市',
];
