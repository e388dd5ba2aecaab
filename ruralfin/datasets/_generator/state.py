"""各阶段交给后面阶段的东西（生成器内部的数据模型）。

按主体的数组下标是 ``entity_id - 1``；按月的数组用月序（0 = 2023-01，见 ``common``）。
这些都是生成器才知道的量，银行看得到的只是最后写进各表的那部分。
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from .common import PRE_HISTORY_MONTHS

__all__ = ["Geography", "Population", "Relationship", "IndustryCalendar", "Timeline", "Sales", "Staffing", "ReceiptMix",
           "ApplicationChain", "Loans", "LoanPerformance",
           "CreditFile", "FlowFeatures", "Household", "EntityRecords"]


@dataclass
class Geography:
    """乡镇与村（阶段 0）。"""

    township_effect: np.ndarray  # 每个乡镇的经济效应（标准化）
    village_township: np.ndarray  # 每个村所属乡镇的编号
    village_weight: np.ndarray  # 村的规模权重（主体落在哪个村）
    village_distance_km: np.ndarray  # 村到我行网点的距离（公里）
    is_credit_village: np.ndarray  # 是否信用村


@dataclass
class Population:
    """经营主体的属性与隐藏特质（阶段 1）。"""

    group: np.ndarray  # 客群编号（CUSTOMER_GROUPS 的下标）
    industry: np.ndarray  # 行业编号
    sub_industry: np.ndarray  # 细分行业编号
    village: np.ndarray  # 村编号
    township: np.ndarray  # 乡镇编号
    age: np.ndarray  # 经营者年龄（岁，2025 年末）
    is_female: np.ndarray
    is_organisation: np.ndarray  # 企业、合作社等有组织形态的主体
    education: np.ndarray  # 学历编号（EDUCATION 的下标）
    quality: np.ndarray  # 经营质量（隐藏，标准化）
    integrity: np.ndarray  # 诚信度（隐藏，0–1）
    integrity_z: np.ndarray  # 标准化的诚信度
    shock_sensitivity: np.ndarray  # 对行业冲击的敏感度（隐藏）
    base_revenue: np.ndarray  # 基础年营业收入（万元，季节性与冲击之前）
    employees: np.ndarray
    years_in_business: np.ndarray
    leverage: np.ndarray  # 资产负债率
    assets: np.ndarray  # 总资产（万元）
    liabilities: np.ndarray  # 总负债（万元）
    enterprise_size: np.ndarray  # 企业规模编号（-1 = 不适用）
    risk_z: np.ndarray  # 标准化的违约倾向
    prob_default: np.ndarray  # 年违约概率（隐藏）
    prob_distress: np.ndarray  # 年陷入困境的概率
    prob_roll: np.ndarray  # 陷入困境后滚成违约的概率
    main_bank: np.ndarray  # 主办行编号（INSTITUTIONS 的下标，0 = 我行）
    credit_demand: np.ndarray  # 有贷款需求
    is_applicant: np.ndarray  # 会向我行申请贷款
    is_misreporter: np.ndarray  # 虚报收入者
    misreport_ratio: np.ndarray  # 自报收入 / 真实收入
    in_urban_area: np.ndarray  # 经营地（注册地）在县城的城市区域，不在乡镇或行政村：不是“农户”“农村企业”

    @property
    def n_entities(self) -> int:
        return len(self.group)


@dataclass
class Relationship:
    """主体与我行的关系；放款阶段把靠贷款进来的新客户补进来。"""

    banks_with_us: np.ndarray  # 在我行开户
    share_of_wallet: np.ndarray  # 经我行结算的份额（0–1）
    customer_since_month: np.ndarray  # 成为我行客户的月序（NEVER = 不是客户）


@dataclass
class IndustryCalendar:
    """细分行业的季节性、春节、趋势、波动与冲击（由故事确定，不随机）。"""

    seasonality: np.ndarray  # (细分行业, 12)：月度季节性，每行均值 1
    festival: np.ndarray  # (细分行业, 观察月)：春节当月的额外提振
    trend: np.ndarray  # 年增长趋势
    noise_sd: np.ndarray  # 月度随机波动（对数标准差）
    shock_profile: np.ndarray  # (细分行业, 模拟月)：冲击期为 1
    shock_depth: np.ndarray  # 冲击深度

    @property
    def observed_shock(self) -> np.ndarray:
        """观察期（2023-01 起）的冲击期标记。"""
        return self.shock_profile[:, PRE_HISTORY_MONTHS:]


@dataclass
class Timeline:
    """困境、违约的时点与担保圈（阶段 2）。"""

    monthly_hazard: np.ndarray  # 每月陷入困境的基准强度
    capped_sensitivity: np.ndarray  # 困境风险里用的冲击敏感度（有上限）
    default_month: np.ndarray  # 滚成 90 天以上逾期的月序（NEVER = 不违约）
    defaults: np.ndarray  # default_month < NEVER
    cure_months: np.ndarray  # (主体, MAX_CURES)：会恢复的短期困境的月序
    cure_durations: np.ndarray  # (主体, MAX_CURES)：短期困境持续的月数
    circle_id: np.ndarray  # 担保圈编号（-1 = 不在圈里）
    circle_next: np.ndarray  # 圈内下一个成员（环形；-1 = 不在圈里）
    warning_months: np.ndarray  # 违约前销售下滑的月数（0 = 没有征兆）
    warning_depth: np.ndarray  # 违约前后销售下滑的幅度
    cure_depth: np.ndarray  # 短期困境期间销售下滑的幅度


@dataclass
class Sales:
    """真实的月度销售（阶段 3）。"""

    monthly: np.ndarray  # (主体, 观察月)，万元，float32
    yearly: np.ndarray  # (主体, 观察年)，万元
    truth_revenue: np.ndarray  # 2025 年真实营业收入（万元）


@dataclass
class Staffing:
    """网点与客户经理的分管（阶段 4）。"""

    entity_branch: np.ndarray  # 主体所属网点（= 所在乡镇）
    entity_manager: np.ndarray  # 分管的客户经理（-1 = 没有）
    n_managers: int


@dataclass
class ReceiptMix:
    """收款方式的份额（阶段 5），列的顺序同 PAY_METHODS：现金、转账、扫码、赊销。"""

    shares: np.ndarray  # (主体, 4)
    is_retail: np.ndarray  # 面向消费者的细分行业
    is_b2b: np.ndarray  # 主要对企业销售的细分行业

    @property
    def cash(self) -> np.ndarray:
        return self.shares[:, 0]

    @property
    def transfer(self) -> np.ndarray:
        return self.shares[:, 1]

    @property
    def qr_mobile(self) -> np.ndarray:
        return self.shares[:, 2]

    @property
    def trade_credit(self) -> np.ndarray:
        return self.shares[:, 3]


@dataclass
class ApplicationChain:
    """全部贷款申请（含 2023 年以前的），按申请轮次排列（阶段 6）。"""

    application: np.ndarray  # 申请序号（0 起，链条内部用）
    entity: np.ndarray  # 申请主体
    month: np.ndarray  # 申请月序
    is_renewal: np.ndarray
    is_first: np.ndarray  # 该主体在我行的第一笔贷款（此前没有获批过）
    product: np.ndarray  # 产品编号
    term: np.ndarray  # 期限（月）
    requested: np.ndarray  # 申请金额（万元）
    approved_amount: np.ndarray  # 若获批的金额（万元）
    approved: np.ndarray
    bank_score: np.ndarray  # 我行审批评分

    def subset(self, mask) -> ApplicationChain:
        return ApplicationChain(**{column.name: getattr(self, column.name)[mask] for column in fields(self)})


@dataclass
class Loans:
    """获批的申请 = 贷款（含 2023 年前已结清、不进表的，loan_id 为 -1），阶段 7。"""

    application_index: np.ndarray  # 在 ApplicationChain 里的下标
    loan_of_application: np.ndarray  # ApplicationChain 下标 -> 贷款下标（-1 = 未获批）
    entity: np.ndarray
    origination_month: np.ndarray
    term: np.ndarray
    maturity_month: np.ndarray
    product: np.ndarray
    amount: np.ndarray  # 贷款金额（万元）
    is_renewal: np.ndarray
    is_first: np.ndarray
    defaults_in_term: np.ndarray  # 期内违约
    cures_in_term: np.ndarray  # 期内出现短期困境后恢复
    trouble_month: np.ndarray  # 违约或短期困境开始的月序（NEVER = 没有）
    cure_end_month: np.ndarray  # 短期困境结束的月序
    first_dpd_days: np.ndarray  # 出现逾期第一个月的逾期天数
    redefault_dpd_days: np.ndarray  # 重组后再次违约第一个月的逾期天数
    restructured: np.ndarray
    restructure_month: np.ndarray
    redefault_month: np.ndarray
    restructure_end_month: np.ndarray  # 重组后按新计划还清的月序（NEVER = 未重组或再次违约）
    written_off: np.ndarray  # 违约后核销（其余违约贷款清收结清或重组）
    recovery_share: np.ndarray  # 核销后到 2025 年末追回的金额 / 核销金额（账销案存）
    last_month: np.ndarray  # 最后一个在账月
    closed_month: np.ndarray  # 结清或核销的月序（NEVER = 2025 年末仍未结清的违约贷款）
    on_book: np.ndarray  # 2023 年以后仍在账（进 loans 表）
    kept: np.ndarray  # on_book 的下标
    loan_id: np.ndarray  # 贷款编号（1 起；-1 = 不进表）
    repayment: np.ndarray  # 还款方式编号
    guarantee: np.ndarray  # 担保方式编号
    rate: np.ndarray  # 合同利率（%）
    credit_line: np.ndarray  # 授信额度（万元）
    is_inclusive: np.ndarray  # 普惠型小微
    is_agri: np.ndarray  # 涉农
    is_inclusive_agri: np.ndarray  # 普惠型涉农（教学假设的口径）
    purpose: np.ndarray  # 用途编号

    @property
    def n_loans(self) -> int:
        return len(self.entity)


@dataclass
class LoanPerformance:
    """贷款的观察表现（阶段 8）。"""

    bad_12m: np.ndarray  # 放款后 12 个月内 90 天以上逾期
    first_npl_month: np.ndarray  # 第一次 90 天以上逾期的月序（NEVER = 没有）
    last_balance: np.ndarray  # 最后一个在账月的余额（核销贷款即核销金额）


@dataclass
class CreditFile:
    """2023 年以后的申请（申请表的行）与申请时看得到的征信、走访信息（阶段 9）。"""

    window: np.ndarray  # 这些申请在 ApplicationChain 里的下标
    application_id: np.ndarray  # ApplicationChain 下标 -> applications 表的编号（1 起；-1 = 2023 年以前）
    entity: np.ndarray  # 申请主体
    month: np.ndarray  # 申请月序
    channel: np.ndarray  # 申请渠道编号
    visited: np.ndarray  # 申请前客户经理走访过
    inquiries: np.ndarray  # 申请时 6 个月内的征信查询次数
    visit_score: np.ndarray  # 按主体：走访评价（1–5）
    bureau_dpd: np.ndarray  # 按主体：征信里 24 个月最长逾期天数
    thin_file: np.ndarray  # 按主体：白户（没有征信记录）
    inquiry_rate: np.ndarray  # 按主体：征信查询次数的期望
    other_bank_debt: np.ndarray  # 按主体：他行负债（万元）


@dataclass
class FlowFeatures:
    """我行账户流水（阶段 10）交给后面的：哪些主体有流水、从哪个月起，申请前 6 个月的流水特征。"""

    customers: np.ndarray  # 有流水的主体（我行客户）
    flow_start: np.ndarray  # 每个客户流水开始的月序
    deposit_avg_6m: np.ndarray  # 按申请（CreditFile 的行）：申请前 6 个月日均余额（万元）
    flow_trend_6m: np.ndarray  # 按申请：近 3 个月流入 / 此前 3 个月 - 1


@dataclass
class Household:
    """经营者家庭与数字足迹（阶段 13 抽取，软信息、外部数据、数字特征表共用）。"""

    social_security_months: np.ndarray  # 社保缴费月数（NaN = 未授权）
    has_mobile_app: np.ndarray  # 用我行手机银行
    typing_speed: np.ndarray  # 打字速度（字 / 分钟）
    owns_house: np.ndarray
    household_size: np.ndarray


@dataclass
class EntityRecords:
    """主体表写出时确定的（阶段 16）：成为我行客户的月序（含首笔贷款）、主体名称。"""

    customer_since_month: np.ndarray  # NEVER = 不是我行客户
    names: np.ndarray  # 主体名称（供应链的对手名称也用它）
