// Canonical column roles per file kind and the header spellings that map to them.
// Aliases are compared after normalizeHeader (mapping.ts): case, spaces, _ - . / () are ignored, so
// "Lead ID", "lead_id" and "leadId" are one alias. Within a role, earlier aliases win over later ones.

export type FileKind = 'leads' | 'deals' | 'activities' | 'accounts';

export type LeadRole =
  | 'lead_id'
  | 'company'
  | 'country'
  | 'region'
  | 'industry'
  | 'employees'
  | 'annual_revenue'
  | 'lead_source'
  | 'owner'
  | 'job_title'
  | 'is_decision_maker'
  | 'purchase_timeframe'
  | 'budget_confirmed'
  | 'competitor_present'
  | 'decision_stage'
  | 'created_at'
  | 'account_id';
export type DealRole = 'deal_id' | 'lead_id' | 'stage' | 'amount' | 'currency' | 'created_at' | 'closed_at';
export type ActivityRole = 'activity_id' | 'lead_id' | 'activity_type' | 'occurred_at';
/** A company file (Salesforce Accounts, HubSpot Companies): firmographics shared by its leads. */
export type AccountRole =
  'account_id' | 'company' | 'country' | 'region' | 'industry' | 'employees' | 'annual_revenue';

export const ROLES: {
  leads: readonly LeadRole[];
  deals: readonly DealRole[];
  activities: readonly ActivityRole[];
  accounts: readonly AccountRole[];
} = {
  leads: [
    'lead_id',
    'company',
    'country',
    'region',
    'industry',
    'employees',
    'annual_revenue',
    'lead_source',
    'owner',
    'job_title',
    'is_decision_maker',
    'purchase_timeframe',
    'budget_confirmed',
    'competitor_present',
    'decision_stage',
    'created_at',
    'account_id',
  ],
  deals: ['deal_id', 'lead_id', 'stage', 'amount', 'currency', 'created_at', 'closed_at'],
  activities: ['activity_id', 'lead_id', 'activity_type', 'occurred_at'],
  accounts: ['account_id', 'company', 'country', 'region', 'industry', 'employees', 'annual_revenue'],
};

export const REQUIRED_ROLES = {
  leads: ['lead_id'],
  deals: ['lead_id', 'stage'],
  activities: ['lead_id', 'activity_type', 'occurred_at'],
  // leads find their account by account id when both files have one, else by company name
  accounts: ['company'],
} as const satisfies Record<FileKind, readonly string[]>;

const LEAD_ALIASES: Record<LeadRole, readonly string[]> = {
  lead_id: [
    'lead_id',
    'lead id',
    'lead number',
    'lead no',
    'contact id',
    'customer id',
    'record id',
    'Id',
    '客户编号',
    '线索编号',
    '线索ID',
    '客户ID',
    '线索号',
    '客户号',
  ],
  company: [
    'company',
    'company name',
    'account name',
    'organization',
    'organisation',
    '公司名称',
    '客户名称',
    '公司',
    '企业名称',
  ],
  country: ['country', 'Country/Region', 'country code', 'nation', '国家/地区', '国家', '国家或地区'],
  region: [
    'region',
    'State',
    'State/Region',
    'state/province',
    'province',
    'territory',
    '区域',
    '地区',
    '大区',
    '省份',
  ],
  industry: ['industry', 'sector', 'vertical', '行业', '所属行业'],
  employees: [
    'employees',
    'NumberOfEmployees',
    'Number of Employees',
    'No. of Employees',
    'employee count',
    'company size',
    'headcount',
    '员工人数',
    '公司规模',
    '人数',
    '员工数',
  ],
  annual_revenue: [
    'annual_revenue',
    'AnnualRevenue',
    'revenue',
    'annual sales',
    '年营业额',
    '年营收',
    '年收入',
    '营业额',
  ],
  lead_source: [
    'lead_source',
    'LeadSource',
    'Original Source',
    'source',
    'channel',
    'Original Source Type',
    '线索来源',
    '来源',
    '渠道',
    '客户来源',
  ],
  owner: [
    'owner',
    'Owner.Name',
    'Owner Name',
    'OwnerId',
    'Lead Owner',
    'Contact owner',
    'HubSpot Owner',
    'Sales Rep',
    'salesperson',
    'assigned to',
    '负责人',
    '销售',
    '跟进人',
    '所有者',
    '销售负责人',
  ],
  job_title: ['job_title', 'Title', 'Job Title', 'Designation', 'position', 'role', '职位', '职务', '头衔'],
  is_decision_maker: ['is_decision_maker', 'decision maker', 'is decision maker', '是否决策人', '决策人'],
  purchase_timeframe: [
    'purchase_timeframe',
    'timeframe',
    'purchase timeline',
    'buying timeframe',
    '采购时间',
    '采购时间表',
    '预计采购时间',
  ],
  budget_confirmed: [
    'budget_confirmed',
    'budget',
    'has budget',
    'budget approved',
    '预算确认',
    '预算',
    '是否有预算',
  ],
  competitor_present: [
    'competitor_present',
    'competitor',
    'competitors',
    'has competitor',
    '竞争对手',
    '有竞争对手',
    '是否有竞争对手',
  ],
  decision_stage: ['decision_stage', 'buying stage', 'purchase stage', '决策阶段', '采购阶段'],
  created_at: [
    'created_at',
    'CreatedDate',
    'Created Date',
    'Create Date',
    'Created Time',
    'Created On',
    'date created',
    '创建时间',
    '创建日期',
    '录入时间',
  ],
  account_id: [
    'account_id',
    'AccountId',
    'Account ID',
    'Account Number',
    'Associated Company ID',
    'Company ID',
    'Account.Id',
    '公司编号',
    '企业编号',
    '公司ID',
    '账户编号',
  ],
};

const DEAL_ALIASES: Record<DealRole, readonly string[]> = {
  deal_id: [
    'deal_id',
    'deal id',
    'OpportunityId',
    'Opportunity ID',
    'record id',
    'Id',
    'deal number',
    'Deal Name',
    'Opportunity Name',
    '商机编号',
    '商机ID',
    '订单编号',
  ],
  lead_id: [
    'lead_id',
    'LeadId',
    'customer id',
    'contact id',
    'ContactId',
    'Associated Contact',
    'Associated Contact IDs',
    'Associated Contact ID',
    '客户编号',
    '线索编号',
    '线索ID',
    '客户ID',
  ],
  stage: [
    'stage',
    'StageName',
    'Deal Stage',
    'Opportunity Stage',
    'sales stage',
    'status',
    'outcome',
    'IsWon',
    '阶段',
    '销售阶段',
    '商机阶段',
    '状态',
  ],
  amount: [
    'amount',
    'deal amount',
    'Opportunity Amount',
    'value',
    'deal value',
    '金额',
    '成交金额',
    '商机金额',
  ],
  currency: ['currency', 'CurrencyIsoCode', 'Currency Code', 'Deal currency code', '币种', '货币'],
  created_at: [
    'created_at',
    'CreatedDate',
    'Created Date',
    'Create Date',
    'Created Time',
    '创建时间',
    '创建日期',
  ],
  closed_at: [
    'closed_at',
    'CloseDate',
    'Close Date',
    'Closing Date',
    'closed date',
    'won date',
    '成交日期',
    '关闭日期',
    '结单日期',
    '成交时间',
  ],
};

const ACTIVITY_ALIASES: Record<ActivityRole, readonly string[]> = {
  activity_id: [
    'activity_id',
    'activity id',
    'TaskId',
    'EventId',
    'Engagement ID',
    'record id',
    'Id',
    '活动编号',
    '活动ID',
  ],
  lead_id: [
    'lead_id',
    'LeadId',
    'WhoId',
    'contact id',
    'customer id',
    'Associated Contact',
    'Associated Contact IDs',
    '客户编号',
    '线索编号',
    '线索ID',
    '客户ID',
  ],
  activity_type: [
    'activity_type',
    'Activity Type',
    'Type',
    'TaskSubtype',
    'Engagement Type',
    'event type',
    'action',
    'Subject',
    '活动类型',
    '行为',
    '事件',
    '类型',
  ],
  occurred_at: [
    'occurred_at',
    'ActivityDate',
    'Activity Date',
    'Engagement Date',
    'timestamp',
    'date',
    'Due Date',
    'CreatedDate',
    'Created Time',
    'Create Date',
    '活动时间',
    '发生时间',
    '时间',
    '日期',
  ],
};

// A company export's own id is its record id; in a leads file that header names the lead, so the generic
// spellings ('Id', 'Record ID') are accounts aliases only here.
const ACCOUNT_ALIASES: Record<AccountRole, readonly string[]> = {
  account_id: [...LEAD_ALIASES.account_id, 'Company Record ID', 'Record ID', 'Id', '客户编号', '公司代码'],
  company: [
    'company',
    'Account Name',
    'Company name',
    'Name',
    'organization',
    'organisation',
    'Account',
    '公司名称',
    '客户名称',
    '企业名称',
    '公司',
  ],
  country: [...LEAD_ALIASES.country, 'Billing Country', 'BillingCountry', 'Shipping Country'],
  region: [...LEAD_ALIASES.region, 'Billing State', 'BillingState', 'Billing State/Province'],
  industry: LEAD_ALIASES.industry,
  employees: LEAD_ALIASES.employees,
  annual_revenue: LEAD_ALIASES.annual_revenue,
};

export const ROLE_ALIASES: Record<FileKind, Record<string, readonly string[]>> = {
  leads: LEAD_ALIASES,
  deals: DEAL_ALIASES,
  activities: ACTIVITY_ALIASES,
  accounts: ACCOUNT_ALIASES,
};
