"""各阶段交给后面阶段的东西（生成器内部的数据模型）。

按主体的数组下标是 ``entity_id - 1``；按月的数组用月序（0 = 2023-01，见 ``common``）。
这些都是生成器才知道的量，银行看得到的只是最后写进各表的那部分。
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .common import PRE_HISTORY_MONTHS

__all__ = ["Geography", "Population", "Relationship", "IndustryCalendar", "Timeline", "Sales", "Staffing"]


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
